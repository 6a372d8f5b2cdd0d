package dev.localgpt.cli.commands;

import dev.localgpt.app.wiring.MemoryStack;
import dev.localgpt.cli.CliContext;
import dev.localgpt.core.config.MemoryConfig;
import dev.localgpt.core.memory.MemoryFileStats;
import dev.localgpt.core.memory.WindowCoverage;
import dev.localgpt.ports.memory.IndexStats;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code memory stats}: index totals and, per indexed file, its lines and chunks ({@link
 * MemoryFileStats}).
 */
final class StatsOutput {
  private StatsOutput() {}

  static void print(
      CliContext context,
      MemoryStack memory,
      MemoryConfig config,
      List<MemoryFileStats.FileStat> files,
      boolean json) {
    IndexStats s = memory.service().stats();
    Optional<WindowCoverage> window = memory.service().windowCoverage();
    String model =
        !s.embeddingModel().isEmpty()
            ? s.embeddingModel()
            : memory
                .embedder()
                .map(e -> e.modelId() + " (nothing embedded yet)")
                .orElse("none (keyword search only)");
    if (json) {
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("files", s.files());
      data.put("chunks", s.chunks());
      data.put("embedded", s.embeddedChunks());
      data.put("sizeBytes", s.sizeBytes());
      data.put("model", model);
      data.put("vectorBackend", s.vectorBackend());
      data.put("database", memory.dbFile().toString());
      window.ifPresent(w -> data.put("embeddingWindow", windowJson(w)));
      data.put("perFile", files.stream().map(StatsOutput::row).toList());
      context.printJson(data);
      return;
    }
    PrintWriter out = context.out();
    out.println("index:          " + memory.dbFile());
    out.println("files:          " + s.files());
    out.println("chunks:         " + s.chunks() + " (" + s.embeddedChunks() + " embedded)");
    out.printf(Locale.ROOT, "size:           %.1f KB%n", s.sizeBytes() / 1024.0);
    out.println("model:          " + model);
    out.println(
        "vector backend: "
            + s.vectorBackend()
            + " (memory.vector_backend = "
            + config.vectorBackend()
            + ")");
    window.ifPresent(w -> out.println("window cut:     " + windowText(w)));
    if (!files.isEmpty()) {
      out.println();
      out.printf(Locale.ROOT, "%7s %7s  %s%n", "lines", "chunks", "file");
      for (MemoryFileStats.FileStat f : files) {
        out.printf(Locale.ROOT, "%7d %7d  %s%n", f.lines(), f.chunks(), f.path());
      }
    }
  }

  /**
   * E.g. {@code none (a chunk over the model's 254 tokens gets a vector per window)} or {@code 812
   * of 1,803 chunks over ...}.
   */
  static String windowText(WindowCoverage w) {
    String text =
        w.chunksOverWindow() == 0
            ? "none (a chunk over the model's " + w.window() + " tokens gets a vector per window)"
            : String.format(
                Locale.ROOT,
                "%d of %d chunks are over the model's %d tokens, %.1f%% of the text "
                    + "never reaches a vector",
                w.chunksOverWindow(),
                w.chunks(),
                w.window(),
                w.cutPercent());
    return w.upToDate()
        ? text
        : text
            + "; the next index run re-chunks and embeds every window ('localgpt memory reindex')";
  }

  private static Map<String, Object> windowJson(WindowCoverage w) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("tokens", w.window());
    data.put("chunksOverWindow", w.chunksOverWindow());
    data.put("textCutPercent", Math.round(w.cutPercent() * 100) / 100.0);
    data.put("upToDate", w.upToDate());
    return data;
  }

  private static Map<String, Object> row(MemoryFileStats.FileStat f) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("path", f.path());
    row.put("source", f.source());
    row.put("lines", f.lines());
    row.put("chunks", f.chunks());
    return row;
  }
}

package dev.localgpt.cli.commands;

import dev.localgpt.app.wiring.MemoryComponents;
import dev.localgpt.app.wiring.MemoryStack;
import dev.localgpt.cli.CliContext;
import dev.localgpt.core.config.MemoryConfig;
import dev.localgpt.core.memory.IndexRoots;
import dev.localgpt.core.memory.MarkdownChunker;
import dev.localgpt.ports.memory.IndexStats;
import dev.localgpt.ports.memory.IndexedFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code memory stats}: index totals and, per indexed file, its lines and chunks (re-chunked from the file on disk,
 * which is cheap and needs no model).
 */
final class StatsOutput {
  private StatsOutput() {}

  static void print(CliContext context, MemoryStack memory, MemoryConfig config, boolean json) {
    IndexStats s = memory.service().stats();
    String model = !s.embeddingModel().isEmpty() ? s.embeddingModel()
        : memory.embedder().map(e -> e.modelId() + " (nothing embedded yet)").orElse("none (keyword search only)");
    IndexRoots roots = MemoryComponents.roots(config);
    MarkdownChunker chunker = new MarkdownChunker(MemoryComponents.chunker(config));
    List<Map<String, Object>> perFile = new ArrayList<>();
    for (IndexedFile f : memory.service().recent(Integer.MAX_VALUE).stream()
        .sorted(Comparator.comparing(IndexedFile::path)).toList()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("path", f.path());
      row.put("source", f.source());
      String text = read(locate(roots, f.path()));
      row.put("lines", text == null ? 0 : text.lines().count());
      row.put("chunks", text == null ? 0 : chunker.chunk(f.path(), text).size());
      perFile.add(row);
    }
    if (json) {
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("files", s.files());
      data.put("chunks", s.chunks());
      data.put("embedded", s.embeddedChunks());
      data.put("sizeBytes", s.sizeBytes());
      data.put("model", model);
      data.put("vectorBackend", s.vectorBackend());
      data.put("database", memory.dbFile().toString());
      data.put("perFile", perFile);
      context.printJson(data);
      return;
    }
    PrintWriter out = context.out();
    out.println("index:          " + memory.dbFile());
    out.println("files:          " + s.files());
    out.println("chunks:         " + s.chunks() + " (" + s.embeddedChunks() + " embedded)");
    out.printf(Locale.ROOT, "size:           %.1f KB%n", s.sizeBytes() / 1024.0);
    out.println("model:          " + model);
    out.println("vector backend: " + s.vectorBackend() + " (memory.vector_backend = " + config.vectorBackend() + ")");
    if (!perFile.isEmpty()) {
      out.println();
      out.printf(Locale.ROOT, "%7s %7s  %s%n", "lines", "chunks", "file");
      for (Map<String, Object> row : perFile) {
        out.printf(Locale.ROOT, "%7d %7d  %s%n", row.get("lines"), row.get("chunks"), row.get("path"));
      }
    }
  }

  private static Path locate(IndexRoots roots, String path) {
    for (IndexRoots.ExtraRoot extra : roots.extraRoots()) {
      if (path.startsWith(extra.label() + "/")) {
        return extra.root().resolve(path.substring(extra.label().length() + 1));
      }
    }
    return roots.workspace().resolve(path);
  }

  private static String read(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
  }
}

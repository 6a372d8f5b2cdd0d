package dev.localgpt.core.mcp;

import dev.localgpt.core.agent.tools.JsonArgs;
import dev.localgpt.core.agent.tools.MemoryGetTool;
import dev.localgpt.core.agent.tools.MemorySearchTool;
import dev.localgpt.core.agent.tools.ToolException;
import dev.localgpt.core.agent.tools.ToolOutcome;
import dev.localgpt.core.memory.MemorySearch;
import dev.localgpt.core.memory.SearchOptions;
import dev.localgpt.core.workspace.PathEscapeException;
import dev.localgpt.core.workspace.PathGuard;
import dev.localgpt.core.workspace.Workspace;
import dev.localgpt.ports.json.JsonObject;
import dev.localgpt.ports.json.JsonValue;
import dev.localgpt.ports.memory.IndexStats;
import dev.localgpt.ports.memory.MemoryOperations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The memory operations of LocalGPT's MCP server, with the agent tools' rules: search as {@code
 * memory_search}, reads as {@code memory_get} (memory files only, nothing outside the workspace),
 * and appends only to today's daily note. After an append, {@code onChange} runs (e.g. to
 * re-index).
 */
public final class WorkspaceMemoryOperations implements MemoryOperations {
  static final int MAX_RESULTS = 100;

  private final MemorySearch search;
  private final PathGuard guard;
  private final Supplier<IndexStats> stats;
  private final Clock clock;
  private final ZoneId zone;
  private final Runnable onChange;

  public WorkspaceMemoryOperations(
      MemorySearch search,
      PathGuard guard,
      Supplier<IndexStats> stats,
      Clock clock,
      ZoneId zone,
      Runnable onChange) {
    this.search = search;
    this.guard = guard;
    this.stats = stats;
    this.clock = clock;
    this.zone = zone;
    this.onChange = onChange == null ? () -> {} : onChange;
  }

  @Override
  public String search(String query, int limit, Optional<String> silo) {
    if (query == null || query.isBlank()) {
      throw new IllegalArgumentException("'query' must not be empty");
    }
    if (limit <= 0) {
      throw new IllegalArgumentException("'limit' must be > 0, was " + limit);
    }
    SearchOptions options = SearchOptions.limit(Math.min(MAX_RESULTS, limit));
    if (silo.isPresent()) {
      options = options.withSilo(silo.get());
    }
    return MemorySearchTool.toJson(search.search(query, options));
  }

  @Override
  public String get(String path, int from, int lines) {
    JsonObject args =
        JsonObject.builder().put("path", path).put("from", from).put("lines", lines).build();
    try {
      ToolOutcome outcome = new MemoryGetTool(guard).execute(JsonArgs.of(args));
      return outcome.text();
    } catch (ToolException | PathEscapeException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  @Override
  public String append(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("'text' must not be empty");
    }
    String relative = Workspace.dailyNotePath(LocalDate.now(clock.withZone(zone)));
    Path note = guard.resolve(relative);
    try {
      Files.createDirectories(note.getParent());
      boolean needsNewline = Files.exists(note) && Files.size(note) > 0 && !endsWithNewline(note);
      String body = (needsNewline ? "\n" : "") + text + (text.endsWith("\n") ? "" : "\n");
      try (FileChannel channel =
          FileChannel.open(
              note,
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              StandardOpenOption.APPEND)) {
        channel.write(ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)));
        channel.force(true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to " + relative + ": " + e.getMessage(), e);
    }
    onChange.run();
    return "Appended " + text.length() + " characters to " + relative + ".";
  }

  private static boolean endsWithNewline(Path note) throws IOException {
    try (FileChannel channel = FileChannel.open(note, StandardOpenOption.READ)) {
      ByteBuffer last = ByteBuffer.allocate(1);
      channel.read(last, channel.size() - 1);
      return last.get(0) == '\n';
    }
  }

  @Override
  public String stats() {
    IndexStats s = stats.get();
    return JsonObject.builder()
        .put("files", s.files())
        .put("chunks", s.chunks())
        .put("embeddedChunks", s.embeddedChunks())
        .put("sizeBytes", s.sizeBytes())
        .put("embeddingModel", JsonValue.of(s.embeddingModel() == null ? "" : s.embeddingModel()))
        .put("vectorBackend", JsonValue.of(s.vectorBackend() == null ? "" : s.vectorBackend()))
        .build()
        .toString();
  }
}

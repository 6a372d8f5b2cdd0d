package dev.localgpt.app.heartbeat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localgpt.core.heartbeat.HeartbeatLog;
import dev.localgpt.core.heartbeat.HeartbeatLogEntry;
import dev.localgpt.core.workspace.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The run log as JSON Lines, {@code logs/heartbeat.jsonl} (mode 0600), one object per tick: {@code
 * time, status, reason, model, tokens, duration_ms, preview}. When the file passes {@link
 * #DEFAULT_MAX_BYTES} it is renamed to {@code heartbeat.jsonl.1} (replacing the previous one), so
 * the log never holds more than about twice the cap. Unreadable lines are skipped when reading.
 */
public final class JsonlHeartbeatLog implements HeartbeatLog {
  public static final long DEFAULT_MAX_BYTES = 512 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final long maxBytes;

  public JsonlHeartbeatLog(Path file, long maxBytes) {
    this.file = file;
    this.maxBytes = maxBytes;
  }

  /** {@code <logs>/heartbeat.jsonl} with the default cap. */
  public static JsonlHeartbeatLog in(Path logsDir) {
    return new JsonlHeartbeatLog(logsDir.resolve("heartbeat.jsonl"), DEFAULT_MAX_BYTES);
  }

  public Path file() {
    return file;
  }

  @Override
  public synchronized void append(HeartbeatLogEntry entry) {
    try {
      PrivateFiles.createDirectories(file.getParent());
      if (Files.exists(file) && Files.size(file) >= maxBytes) {
        Files.move(file, rotated(), StandardCopyOption.REPLACE_EXISTING);
      }
      boolean created = !Files.exists(file);
      Files.writeString(
          file,
          JSON.writeValueAsString(toJson(entry)) + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      if (created) {
        PrivateFiles.ownerOnly(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the heartbeat log " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized List<HeartbeatLogEntry> recent(int limit) {
    List<HeartbeatLogEntry> entries = new ArrayList<>(read(file));
    if (entries.size() < limit) {
      List<HeartbeatLogEntry> older = new ArrayList<>(read(rotated()));
      older.addAll(entries);
      entries = older;
    }
    return List.copyOf(entries.subList(Math.max(0, entries.size() - limit), entries.size()));
  }

  private Path rotated() {
    return file.resolveSibling(file.getFileName() + ".1");
  }

  private static List<HeartbeatLogEntry> read(Path path) {
    if (!Files.exists(path)) {
      return List.of();
    }
    try {
      List<HeartbeatLogEntry> entries = new ArrayList<>();
      for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
        fromJson(line).ifPresent(entries::add);
      }
      return entries;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the heartbeat log " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * The JSON object of one entry (also what {@code heartbeat log --json} and the HTTP status
   * print).
   */
  public static ObjectNode toJson(HeartbeatLogEntry entry) {
    ObjectNode node = JSON.createObjectNode();
    node.put("time", entry.time().toString());
    node.put("status", entry.status());
    node.put("reason", entry.reason());
    node.put("model", entry.model());
    node.put("tokens", entry.tokens());
    node.put("duration_ms", entry.durationMs());
    node.put("preview", entry.preview());
    return node;
  }

  static Optional<HeartbeatLogEntry> fromJson(String line) {
    if (line.isBlank()) {
      return Optional.empty();
    }
    try {
      JsonNode node = JSON.readTree(line);
      return Optional.of(
          new HeartbeatLogEntry(
              Instant.parse(node.path("time").asText()),
              node.path("status").asText(),
              node.path("reason").asText(),
              node.path("model").asText(),
              node.path("tokens").asLong(),
              node.path("duration_ms").asLong(),
              node.path("preview").asText()));
    } catch (JsonProcessingException | RuntimeException e) {
      return Optional.empty();
    }
  }
}

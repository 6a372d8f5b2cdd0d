package dev.localgpt.adapter.providers.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.localgpt.ports.session.SessionInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds {@link SessionInfo} for listing without parsing whole transcripts: the header gives the
 * start time, the file's modification time the last update, and message lines are counted by a text
 * match on the role (pi writes compact JSON). Files are append-only, so each file is scanned once
 * and then only from where the last scan ended.
 */
final class SessionSummaries {
  private static final String USER = "\"role\":\"user\"";
  private static final String ASSISTANT = "\"role\":\"assistant\"";

  private final PiJsonCodec codec;
  private final Map<Path, Scan> scans = new ConcurrentHashMap<>();

  SessionSummaries(PiJsonCodec codec) {
    this.codec = codec;
  }

  private record Scan(Instant createdAt, String title, int count, long end) {}

  /**
   * The summary of a session file. A damaged or missing header does not hide the session: its start
   * time then comes from the file.
   */
  SessionInfo info(String id, Path file) throws IOException {
    Instant updated = Files.getLastModifiedTime(file).toInstant();
    Scan scan = scans.get(file);
    long size = Files.size(file);
    if (scan == null || size != scan.end()) {
      scan = extend(file, scan, size);
      scans.put(file, scan);
    }
    return new SessionInfo(id, scan.createdAt(), updated, scan.title(), scan.count());
  }

  private Scan extend(Path file, Scan previous, long size) throws IOException {
    if (previous != null && (size < previous.end() || previous.end() == 0)) {
      previous =
          null; // truncated (torn tail dropped), or seen before its header was written: start over
    }
    TranscriptFile.Chunk chunk = TranscriptFile.read(file, previous == null ? 0 : previous.end());
    Instant created = previous == null ? null : previous.createdAt();
    String title = previous == null ? "" : previous.title();
    int count = previous == null ? 0 : previous.count();
    for (String line : chunk.lines()) {
      if (created == null) {
        created = header(line);
        if (created != null) {
          continue;
        }
        created =
            createdFromFile(file); // damaged header: the session still lists, under its file name
      }
      boolean user = line.contains(USER);
      if (user || line.contains(ASSISTANT)) {
        count++;
        if (user && title.isEmpty()) {
          title = titleOf(line);
        }
      }
    }
    return new Scan(created == null ? createdFromFile(file) : created, title, count, chunk.end());
  }

  private static Instant createdFromFile(Path file) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
    Instant created = attributes.creationTime().toInstant();
    Instant modified = attributes.lastModifiedTime().toInstant();
    return created.isAfter(modified) ? modified : created;
  }

  private Instant header(String line) {
    try {
      JsonNode node = codec.parse(line);
      if (!"session".equals(node.path("type").asText())) {
        return null;
      }
      return PiJsonCodec.timestamp(node);
    } catch (JsonProcessingException | RuntimeException e) {
      return null;
    }
  }

  private String titleOf(String line) {
    try {
      var message = codec.message(codec.parse(line).path("message"));
      return message == null ? "" : SessionInfo.titleOf(message.text());
    } catch (JsonProcessingException | RuntimeException e) {
      return "";
    }
  }
}

package dev.localgpt.adapter.providers.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.localgpt.ports.llm.ChatMessage;
import dev.localgpt.ports.session.SessionEntry;
import dev.localgpt.ports.session.SessionException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A session file read into entries, plus what the next append needs: the last entry id (pi's {@code parentId}
 * chain), the ids of message entries (for {@code firstKeptEntryId}) and where the complete lines end. Entry types we
 * do not use ({@code model_change}, {@code custom}, …) are kept in the chain but skipped.
 */
final class Transcript {
  final List<SessionEntry> entries = new ArrayList<>();
  final List<String> messageIds = new ArrayList<>();
  private final Set<String> ids = new HashSet<>();
  String lastId;
  long completeEnd;

  static Transcript load(Path file, PiJsonCodec codec) {
    TranscriptFile.Chunk chunk;
    try {
      chunk = TranscriptFile.read(file, 0);
    } catch (IOException e) {
      throw new SessionException("cannot read session file " + file + ": " + e.getMessage(), e);
    }
    Transcript transcript = new Transcript();
    transcript.completeEnd = chunk.end();
    List<String> lines = chunk.lines();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      JsonNode node;
      try {
        node = codec.parse(lines.get(i));
      } catch (JsonProcessingException e) {
        throw new SessionException(
            "session file " + file + " line " + (i + 1) + " is not valid JSON; move the file aside to start over", e);
      }
      if (i == 0) {
        if (!"session".equals(node.path("type").asText())) {
          throw new SessionException("file " + file + " does not start with a session header line");
        }
        continue;
      }
      try {
        transcript.add(node, codec);
      } catch (IllegalArgumentException | DateTimeException e) {
        throw new SessionException("session file " + file + " line " + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return transcript;
  }

  private void add(JsonNode node, PiJsonCodec codec) {
    String id = node.path("id").asText(null);
    String type = node.path("type").asText();
    if ("message".equals(type)) {
      ChatMessage message = codec.message(node.path("message"));
      if (message != null) {
        entries.add(new SessionEntry.Message(PiJsonCodec.timestamp(node), message));
        messageIds.add(id);
      }
    } else if ("compaction".equals(type)) {
      entries.add(
          new SessionEntry.Compaction(
              PiJsonCodec.timestamp(node),
              node.path("summary").asText(""),
              keptMessages(node),
              Math.max(0, node.path("tokensBefore").asInt(0))));
    }
    if (id != null) {
      ids.add(id);
      lastId = id;
    }
  }

  /** Ours carry {@code keptMessages}; pi's only {@code firstKeptEntryId}, so count messages from there. */
  private int keptMessages(JsonNode node) {
    if (node.has("keptMessages")) {
      return Math.max(0, node.path("keptMessages").asInt());
    }
    int first = messageIds.indexOf(node.path("firstKeptEntryId").asText(""));
    return first < 0 ? 0 : messageIds.size() - first;
  }

  /** A fresh 8-hex-digit entry id, unique within this session. */
  String newId() {
    String id;
    do {
      id = String.format("%08x", ThreadLocalRandom.current().nextInt());
    } while (!ids.add(id));
    return id;
  }

  void appended(String id, SessionEntry entry, long newEnd) {
    lastId = id;
    completeEnd = newEnd;
    entries.add(entry);
    if (entry instanceof SessionEntry.Message) {
      messageIds.add(id);
    }
  }

  String firstKeptId(int keptMessages) {
    int index = messageIds.size() - keptMessages;
    return keptMessages == 0 || index < 0 ? null : messageIds.get(index);
  }
}

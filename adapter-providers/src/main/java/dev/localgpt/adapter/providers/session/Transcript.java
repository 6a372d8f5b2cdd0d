package dev.localgpt.adapter.providers.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.localgpt.ports.llm.ChatMessage;
import dev.localgpt.ports.session.SessionEntry;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A session file read into entries, plus what the next append needs: the last entry id (pi's {@code
 * parentId} chain), the ids of message entries (for {@code firstKeptEntryId}) and where the
 * complete lines end. Entry types we do not use ({@code model_change}, {@code custom}, …) are kept
 * in the chain but skipped. Lines that cannot be read (not JSON, a bad timestamp, a damaged header)
 * are skipped and their numbers remembered; the rest stays usable. Lines appended later, by this or
 * another process, are taken in with {@link #take}.
 */
final class Transcript {
  final List<SessionEntry> entries = new ArrayList<>();
  final List<String> messageIds = new ArrayList<>();
  final List<Integer> badLines = new ArrayList<>();
  private final Set<String> ids = new HashSet<>();
  private final PiJsonCodec codec;
  String lastId;
  long completeEnd;
  private int lineCount;

  Transcript(PiJsonCodec codec) {
    this.codec = codec;
  }

  /**
   * Forgets everything read so far (the file was shortened or rewritten): the next {@link #take}
   * starts at 0.
   */
  void reset() {
    entries.clear();
    messageIds.clear();
    badLines.clear();
    ids.clear();
    lastId = null;
    completeEnd = 0;
    lineCount = 0;
  }

  /** Takes in the complete lines of {@code chunk}, which starts at {@link #completeEnd}. */
  void take(TranscriptFile.Chunk chunk) {
    for (String line : chunk.lines()) {
      lineCount++;
      if (!line.isBlank() && !readable(line)) {
        badLines.add(lineCount);
      }
    }
    completeEnd = chunk.end();
  }

  private boolean readable(String line) {
    JsonNode node;
    try {
      node = codec.parse(line);
    } catch (JsonProcessingException e) {
      return false;
    }
    if (!node.isObject()) {
      return false;
    }
    if (lineCount == 1 && isHeader(node)) {
      return true;
    }
    try {
      add(node);
    } catch (RuntimeException e) { // a bad timestamp or a malformed message: this line only
      return false;
    }
    return lineCount
        != 1; // line 1 must be the session header; an entry there is kept, the header reported
    // missing
  }

  private static boolean isHeader(JsonNode node) {
    if (!"session".equals(node.path("type").asText())) {
      return false;
    }
    try {
      PiJsonCodec.timestamp(node);
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  private void add(JsonNode node) {
    String id = node.path("id").asText(null);
    String type = node.path("type").asText();
    SessionEntry entry = null;
    boolean isMessage = false;
    if ("message".equals(type)) {
      ChatMessage message = codec.message(node.path("message"));
      if (message != null) {
        entry = new SessionEntry.Message(PiJsonCodec.timestamp(node), message);
        isMessage = true;
      }
    } else if ("compaction".equals(type)) {
      entry =
          new SessionEntry.Compaction(
              PiJsonCodec.timestamp(node),
              node.path("summary").asText(""),
              keptMessages(node),
              Math.max(0, node.path("tokensBefore").asInt(0)));
    }
    if (entry != null) {
      entries.add(entry);
    }
    if (isMessage) {
      messageIds.add(id);
    }
    if (id != null) {
      ids.add(id);
      lastId = id;
    }
  }

  /**
   * Ours carry {@code keptMessages}; pi's only {@code firstKeptEntryId}, so count messages from
   * there.
   */
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
    lineCount++;
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

package dev.localgpt.core.memory.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@link ChatLogCorpus} in BEIR form: {@code corpus.jsonl} ({@code _id, title, text}),
 * {@code queries.jsonl} ({@code _id, text}), {@code qrels/test.tsv} (the conversation of each
 * question, relevance 1) and {@code qrels/turns.tsv} ({@code query-id, corpus-id, turn}: the
 * 1-based turn that answers it, for turn-level checks).
 */
public final class ChatLogFiles {
  private ChatLogFiles() {}

  /**
   * Writes the files under {@code dir} (created if needed; existing files are replaced).
   *
   * @throws UncheckedIOException naming the directory when it cannot be written
   */
  public static void write(ChatLogCorpus corpus, Path dir) {
    List<String> docs = new ArrayList<>();
    for (ChatLogCorpus.Conversation c : corpus.conversations()) {
      docs.add(
          "{\"_id\": "
              + json(c.id())
              + ", \"title\": "
              + json(c.title())
              + ", \"text\": "
              + json(c.text())
              + "}");
    }
    List<String> queries = new ArrayList<>();
    List<String> qrels = new ArrayList<>(List.of("query-id\tcorpus-id\tscore"));
    List<String> turns = new ArrayList<>(List.of("query-id\tcorpus-id\tturn"));
    for (ChatLogCorpus.Question q : corpus.questions()) {
      queries.add("{\"_id\": " + json(q.id()) + ", \"text\": " + json(q.text()) + "}");
      qrels.add(q.id() + "\t" + q.conversationId() + "\t1");
      turns.add(q.id() + "\t" + q.conversationId() + "\t" + q.turn());
    }
    try {
      Files.createDirectories(dir.resolve("qrels"));
      Files.write(dir.resolve("corpus.jsonl"), docs, StandardCharsets.UTF_8);
      Files.write(dir.resolve("queries.jsonl"), queries, StandardCharsets.UTF_8);
      Files.write(dir.resolve("qrels/test.tsv"), qrels, StandardCharsets.UTF_8);
      Files.write(dir.resolve("qrels/turns.tsv"), turns, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the chat-log benchmark to " + dir + ": " + e.getMessage(), e);
    }
  }

  /** A JSON string literal. */
  static String json(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}

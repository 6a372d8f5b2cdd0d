package dev.localgpt.core.memory.eval;

import dev.localgpt.ports.embedding.Embedder;
import dev.localgpt.ports.memory.MemoryIndex;
import dev.localgpt.ports.memory.ScoredChunk;
import dev.localgpt.ports.memory.SearchScope;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes each query's raw leg candidates as TSV ({@code query, leg, rank, doc, chunk, score}), so
 * fusion variants can be explored offline against the same candidates. Legs: {@code bm25}, {@code
 * vector}, and {@code bm25-half} (BM25 on every other query word: a deliberately weakened keyword
 * leg).
 */
public final class LegDump {
  private LegDump() {}

  /**
   * Writes the top {@code n} candidates of each leg for the queries {@code ids} ({@code texts}: id
   * to query text; {@code docOfPath}: index path to document id).
   */
  public static void write(
      Path file,
      MemoryIndex index,
      Embedder queries,
      Map<String, String> texts,
      List<String> ids,
      Map<String, String> docOfPath,
      int n) {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("query\tleg\trank\tdoc\tchunk\tscore\n");
      for (String id : ids) {
        String q = texts.get(id);
        leg(out, id, "bm25", index.keywordSearch(q, n, SearchScope.all()), docOfPath);
        leg(
            out,
            id,
            "vector",
            index.vectorSearch(queries.embedQuery(q), n, SearchScope.all()),
            docOfPath);
        leg(
            out,
            id,
            "bm25-half",
            index.keywordSearch(everyOtherWord(q), n, SearchScope.all()),
            docOfPath);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  static String everyOtherWord(String q) {
    String[] words = q.trim().split("\\s+");
    StringBuilder b = new StringBuilder();
    for (int i = 1; i < words.length; i += 2) {
      b.append(words[i]).append(' ');
    }
    return b.isEmpty() ? q : b.toString().trim();
  }

  private static void leg(
      BufferedWriter out,
      String id,
      String leg,
      List<ScoredChunk> hits,
      Map<String, String> docOfPath)
      throws IOException {
    for (int i = 0; i < hits.size(); i++) {
      ScoredChunk h = hits.get(i);
      out.write(
          String.format(
              Locale.ROOT,
              "%s\t%s\t%d\t%s\t%d\t%.6f%n",
              id,
              leg,
              i + 1,
              docOfPath.get(h.chunk().path()),
              h.chunk().id(),
              h.score()));
    }
  }
}

package dev.localgpt.adapter.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localgpt.ports.memory.NewChunk;
import dev.localgpt.ports.memory.ScoredChunk;
import dev.localgpt.ports.memory.SearchScope;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The in-memory keyword index must rank as FTS5 does: the same top 24 in the same order with the
 * same scores, for real query texts, with and without scope filters, before and after in-process
 * inserts, updates and deletes.
 */
class KeywordParityTest {
  private static final int LIMIT = 24;
  private static final List<SearchScope> SCOPES =
      List.of(
          SearchScope.all(), SearchScope.only("memory"), SearchScope.allExcept(Set.of("memory")));

  @TempDir Path dir;

  @Test
  void sciFactChunksRankAsInFts5BeforeAndAfterWrites() throws IOException {
    List<String> docs = sciFact();
    List<String> queries = lines("scifact-queries.txt");
    checkParity(docs, queries);
  }

  @Test
  void randomProseRanksAsInFts5BeforeAndAfterWrites() {
    Random random = new Random(5);
    List<String> vocabulary = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      StringBuilder w = new StringBuilder();
      int len = 2 + random.nextInt(9);
      for (int j = 0; j < len; j++) {
        w.append((char) ('a' + random.nextInt(26)));
      }
      vocabulary.add(w.toString());
    }
    vocabulary.addAll(List.of("the", "and", "of", "what", "running", "runs", "ran", "Café"));
    List<String> docs = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      docs.add(prose(random, vocabulary, 10 + random.nextInt(200)));
    }
    List<String> queries = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      queries.add(prose(random, vocabulary, 1 + random.nextInt(14)) + (i % 7 == 0 ? "?!" : ""));
    }
    queries.addAll(List.of("running runs ran", "the and of", "what", "CAFE café", "zzzz unknown"));
    checkParity(docs, queries);
  }

  private void checkParity(List<String> docs, List<String> queries) {
    try (SqliteMemoryIndex index =
        SqliteMemoryIndex.open(dir.resolve("memory.sqlite"), SqliteOptions.javaKnn())) {
      int half = docs.size() / 2;
      write(index, docs.subList(0, half), 0);
      assertThat(index.buildKeywordIndex()).startsWith("java");
      assertThat(differences(index, queries)).isEmpty();

      // Updates (new texts for old files), deletes and new files, mirrored into the index.
      write(index, docs.subList(half, half + half / 3), 0);
      for (int f = 5; f < 20; f++) {
        index.deleteFile(path(f));
      }
      write(index, docs.subList(half + half / 3, docs.size()), 1000);
      assertThat(index.keywordPath()).startsWith("java");
      assertThat(differences(index, queries)).isEmpty();
    }
  }

  /** Writes the docs 4 to a file (two chunks each when long), files numbered from {@code first}. */
  private static void write(SqliteMemoryIndex index, List<String> docs, int first) {
    for (int from = 0, f = first; from < docs.size(); from += 4, f++) {
      List<NewChunk> chunks = new ArrayList<>();
      for (String doc : docs.subList(from, Math.min(docs.size(), from + 4))) {
        int cut = doc.indexOf(' ', doc.length() / 2);
        if (doc.length() > 800 && cut > 0) {
          chunks.add(Fixtures.chunk(chunks.size() * 3 + 1, doc.substring(0, cut)));
          chunks.add(Fixtures.chunk(chunks.size() * 3 + 1, doc.substring(cut)));
        } else {
          chunks.add(Fixtures.chunk(chunks.size() * 3 + 1, doc));
        }
      }
      index.replaceFile(Fixtures.file(path(f), f % 3 == 0 ? "knowledge" : "memory"), chunks);
    }
  }

  private static String path(int f) {
    return "notes/" + f + ".md";
  }

  static List<String> differences(SqliteMemoryIndex index, List<String> queries) {
    List<String> out = new ArrayList<>();
    int compared = 0;
    for (SearchScope scope : SCOPES) {
      for (String q : queries) {
        List<ScoredChunk> fts = index.ftsKeywordSearch(q, LIMIT, scope);
        List<ScoredChunk> java = index.keywordSearch(q, LIMIT, scope);
        List<Long> ftsIds = fts.stream().map(h -> h.chunk().id()).toList();
        List<Long> javaIds = java.stream().map(h -> h.chunk().id()).toList();
        if (!ftsIds.equals(javaIds)) {
          out.add(q + " " + scope + ": fts5 " + ftsIds + ", java " + javaIds);
          continue;
        }
        for (int i = 0; i < fts.size(); i++) {
          double a = fts.get(i).score();
          double b = java.get(i).score();
          if (Math.abs(a - b) > 1e-9 * Math.max(Math.abs(a), 1e-12)) {
            out.add(q + " " + scope + " #" + i + ": fts5 " + a + ", java " + b);
          }
        }
        compared += fts.size();
      }
    }
    assertThat(compared).as("hits compared").isGreaterThan(queries.size() * 10);
    return out;
  }

  private static String prose(Random random, List<String> vocabulary, int words) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < words; i++) {
      // Zipf-like: small indexes far more often.
      double u = random.nextDouble();
      int w = (int) Math.min(vocabulary.size() - 1, Math.floor(Math.pow(vocabulary.size(), u)) - 1);
      s.append(i == 0 ? "" : random.nextInt(12) == 0 ? ". " : " ").append(vocabulary.get(w));
    }
    return s.toString();
  }

  static List<String> sciFact() throws IOException {
    try (InputStream in =
        new GZIPInputStream(KeywordParityTest.class.getResourceAsStream("scifact-sample.txt.gz"))) {
      return split(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  static List<String> lines(String resource) throws IOException {
    try (InputStream in = KeywordParityTest.class.getResourceAsStream(resource)) {
      return split(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private static List<String> split(String text) {
    return Stream.of(text.split("\n")).filter(s -> !s.isBlank()).toList();
  }
}

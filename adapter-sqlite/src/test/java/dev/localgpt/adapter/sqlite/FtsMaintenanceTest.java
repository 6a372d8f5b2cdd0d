package dev.localgpt.adapter.sqlite;

import static dev.localgpt.adapter.sqlite.Fixtures.chunk;
import static dev.localgpt.adapter.sqlite.Fixtures.file;
import static org.assertj.core.api.Assertions.assertThat;

import dev.localgpt.ports.memory.NewChunk;
import dev.localgpt.ports.memory.ScoredChunk;
import dev.localgpt.ports.memory.SearchScope;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FtsMaintenanceTest {
  private static final String[] WORDS = {
    "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet"
  };
  private static final List<String> QUERIES =
      List.of("alpha bravo", "charlie", "delta echo foxtrot", "juliet golf", "hotel india 7");

  @TempDir Path dir;

  // FTS5 writes a segment per statement that touches it (a trigger's savepoint flushes), so every
  // chunk insert or delete adds one until its automerge merges them.

  @Test
  void aBulkRunIsMergedIntoOneSegmentAsItGrows() {
    try (SqliteMemoryIndex index = SqliteMemoryIndex.open(dir.resolve("m.sqlite"))) {
      index.mergeKeywordsAfter(10);
      index.replaceFile(file("a.md"), chunks(0));
      assertThat(segments(index)).isGreaterThan(1); // 5 rows written: not yet
      index.replaceFile(file("b.md"), chunks(1));
      assertThat(segments(index)).isEqualTo(1); // 10 rows written, table of 10: merged
      index.replaceFile(file("c.md"), chunks(2));
      assertThat(segments(index)).isGreaterThan(1); // 5 since the merge
      index.replaceFile(file("d.md"), chunks(3));
      assertThat(segments(index)).isEqualTo(1); // 10 since, table of 20: merged
    }
  }

  @Test
  void editsSmallerThanHalfTheTableWaitForTheEndOfTheRun() {
    Path db = dir.resolve("m.sqlite");
    try (SqliteMemoryIndex index = SqliteMemoryIndex.open(db)) {
      index.mergeKeywordsAfter(10);
      for (int f = 0; f < 8; f++) {
        index.replaceFile(file(f + ".md"), chunks(f));
      }
      assertThat(segments(index)).isEqualTo(1); // merged at 10, 20 and 40 rows
      index.replaceFile(file("0.md"), chunks(10)); // 5 deleted + 5 inserted, table of 40
      assertThat(segments(index)).isGreaterThan(1);
    }
    try (SqliteMemoryIndex index = SqliteMemoryIndex.open(db)) {
      assertThat(segments(index)).as("closing merged what the run left").isEqualTo(1);
      assertThat(index.keywordSearch("alpha", 50, SearchScope.all())).isNotEmpty();
    }
  }

  @Test
  void theDefaultPolicyMergesARunOfAHundredRowsAtClose() {
    Path db = dir.resolve("m.sqlite");
    try (SqliteMemoryIndex index = SqliteMemoryIndex.open(db)) {
      for (int f = 0; f < 20; f++) {
        index.replaceFile(file(f + ".md"), chunks(f));
      }
      assertThat(segments(index)).isGreaterThan(1);
    }
    try (SqliteMemoryIndex index = SqliteMemoryIndex.open(db)) {
      assertThat(segments(index)).isEqualTo(1);
    }
  }

  @Test
  void theDefaultPolicyLeavesAFewEditsAlone() {
    Path db = dir.resolve("m.sqlite");
    try (SqliteMemoryIndex index = SqliteMemoryIndex.open(db)) {
      for (int f = 0; f < 8; f++) {
        index.replaceFile(file(f + ".md"), chunks(f));
      }
    }
    try (SqliteMemoryIndex index = SqliteMemoryIndex.open(db)) {
      assertThat(segments(index)).isGreaterThan(1);
    }
  }

  @Test
  void aMergedIndexAnswersTheSame() {
    try (SqliteMemoryIndex index = SqliteMemoryIndex.open(dir.resolve("m.sqlite"))) {
      index.mergeKeywordsAfter(Integer.MAX_VALUE);
      for (int f = 0; f < 12; f++) {
        index.replaceFile(file(f + ".md"), chunks(f));
      }
      index.deleteFile("3.md");
      index.replaceFile(file("5.md"), chunks(40));
      List<List<ScoredChunk>> before = answers(index);
      assertThat(segments(index)).isGreaterThan(1);

      index.optimizeKeywords();

      assertThat(segments(index)).isEqualTo(1);
      assertThat(answers(index)).isEqualTo(before);
      assertThat(before).allSatisfy(hits -> assertThat(hits).isNotEmpty());
    }
  }

  private static List<List<ScoredChunk>> answers(SqliteMemoryIndex index) {
    List<List<ScoredChunk>> out = new ArrayList<>();
    for (String q : QUERIES) {
      out.add(index.keywordSearch(q, 20, SearchScope.all()));
    }
    return out;
  }

  /** Five chunks of words chosen by {@code seed}, each with a number. */
  private static List<NewChunk> chunks(int seed) {
    List<NewChunk> out = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      StringBuilder text = new StringBuilder();
      for (int w = 0; w < 6; w++) {
        text.append(WORDS[(seed * 7 + i * 3 + w * w) % WORDS.length]).append(' ');
      }
      text.append(seed + i);
      out.add(chunk(i * 3 + 1, text.toString()));
    }
    return out;
  }

  private static long segments(SqliteMemoryIndex index) {
    return index.readForBenchmark(
        c -> {
          try (PreparedStatement p =
                  c.prepareStatement("select count(distinct segid) from chunks_fts_idx");
              ResultSet rs = p.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0L;
          }
        });
  }
}

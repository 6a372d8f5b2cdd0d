package dev.localgpt.adapter.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.localgpt.ports.memory.SearchScope;
import java.util.List;
import org.junit.jupiter.api.Test;

/** FTS5's bm25 on hand-made rows, computed by hand. */
class Bm25Test {
  private final PorterTokenizer tokenizer = new PorterTokenizer();

  private static List<byte[]> terms(String... stems) {
    return java.util.Arrays.stream(stems)
        .map(t -> t.getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .toList();
  }

  private KeywordIndex fourRows() {
    KeywordIndex index = new KeywordIndex();
    index.add(1, "memory", "apple banana", tokenizer);
    index.add(2, "memory", "apple apple cherry", tokenizer);
    index.add(3, "knowledge", "banana cherry durian eggplant", tokenizer);
    index.add(4, "memory", "fig", tokenizer);
    return index;
  }

  /** idf * f * (k1 + 1) / (f + k1 * (1 - b + b * D / avgdl)). */
  private static double part(double idf, double f, double d, double avgdl) {
    return idf * (f * 2.2) / (f + 1.2 * (0.25 + 0.75 * d / avgdl));
  }

  @Test
  void scoresARareTermWithTheBm25Formula() {
    List<TopK.Hit> hits = Bm25.search(fourRows(), terms("durian"), 10, SearchScope.all());
    // N = 4 rows, 10 tokens: avgdl 2.5; "durian" is in one row of 4 tokens.
    assertThat(hits).hasSize(1);
    assertThat(hits.get(0).id()).isEqualTo(3);
    assertThat(hits.get(0).score()).isCloseTo(part(Math.log(3.5 / 1.5), 1, 4, 2.5), within(1e-12));
  }

  @Test
  void aTermInHalfTheRowsOrMoreWeighsOneMillionth() {
    List<TopK.Hit> hits = Bm25.search(fourRows(), terms("appl"), 10, SearchScope.all());
    assertThat(hits).extracting(TopK.Hit::id).containsExactly(2L, 1L);
    assertThat(hits.get(0).score()).isCloseTo(part(1e-6, 2, 3, 2.5), within(1e-18));
    assertThat(hits.get(1).score()).isCloseTo(part(1e-6, 1, 2, 2.5), within(1e-18));
  }

  @Test
  void sumsTheTermsAndCountsARepeatedTermTwice() {
    KeywordIndex index = fourRows();
    double durian = part(Math.log(3.5 / 1.5), 1, 4, 2.5);
    double cherry = part(1e-6, 1, 4, 2.5);
    assertThat(Bm25.search(index, terms("cherri", "durian"), 1, SearchScope.all()).get(0).score())
        .isCloseTo(cherry + durian, within(1e-12));
    assertThat(Bm25.search(index, terms("durian", "durian"), 1, SearchScope.all()).get(0).score())
        .isCloseTo(2 * durian, within(1e-12));
  }

  @Test
  void equalScoresRankByChunkIdAndTheLimitKeepsTheBest() {
    KeywordIndex index = new KeywordIndex();
    for (long id : new long[] {9, 3, 7, 5}) {
      index.add(id, "memory", "same words here", tokenizer);
    }
    index.add(11, "memory", "other text entirely", tokenizer);
    assertThat(Bm25.search(index, terms("word"), 3, SearchScope.all()))
        .extracting(TopK.Hit::id)
        .containsExactly(3L, 5L, 7L);
  }

  @Test
  void scopesFilterRowsButNotTheStatistics() {
    KeywordIndex index = fourRows();
    List<TopK.Hit> all = Bm25.search(index, terms("banana"), 10, SearchScope.all());
    List<TopK.Hit> memory = Bm25.search(index, terms("banana"), 10, SearchScope.only("memory"));
    assertThat(memory).containsExactly(all.stream().filter(h -> h.id() == 1).findFirst().get());
  }

  @Test
  void deletesAndReplacementsChangeTheRowCountAndAverageLength() {
    KeywordIndex index = fourRows();
    index.removeAll(List.of(4L, 99L));
    // N = 3 rows, 9 tokens: avgdl 3.
    assertThat(Bm25.search(index, terms("durian"), 1, SearchScope.all()).get(0).score())
        .isCloseTo(part(Math.log(2.5 / 1.5), 1, 4, 3), within(1e-12));
    index.add(3, "knowledge", "durian", tokenizer);
    // Row 3 replaced: N = 3, 6 tokens, avgdl 2.
    assertThat(Bm25.search(index, terms("durian"), 5, SearchScope.all()))
        .containsExactly(new TopK.Hit(3, part(Math.log(2.5 / 1.5), 1, 1, 2)));
    assertThat(Bm25.search(index, terms("banana"), 5, SearchScope.all()))
        .extracting(TopK.Hit::id)
        .containsExactly(1L);
  }

  @Test
  void compactionAfterManyDeletesKeepsTheAnswers() {
    KeywordIndex index = new KeywordIndex();
    for (long id = 1; id <= 3000; id++) {
      index.add(id, "memory", "common word" + (id % 7 == 0 ? " rare" : ""), tokenizer);
    }
    List<Long> gone = new java.util.ArrayList<>();
    for (long id = 1; id <= 2500; id++) {
      gone.add(id);
    }
    index.removeAll(gone);
    assertThat(index.rows).isEqualTo(500);
    List<TopK.Hit> hits = Bm25.search(index, terms("rare"), 1000, SearchScope.all());
    assertThat(hits).hasSize(71).allMatch(h -> h.id() > 2500 && h.id() % 7 == 0);
    assertThat(hits.get(0).id()).isEqualTo(2506L);
  }
}

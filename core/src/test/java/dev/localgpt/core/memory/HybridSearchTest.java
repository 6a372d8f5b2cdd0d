package dev.localgpt.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.localgpt.ports.embedding.Embedder;
import dev.localgpt.ports.embedding.Embedding;
import dev.localgpt.ports.embedding.EmbeddingException;
import dev.localgpt.ports.embedding.HashingEmbedder;
import dev.localgpt.ports.memory.InMemoryMemoryIndex;
import dev.localgpt.ports.memory.IndexedFile;
import dev.localgpt.ports.memory.NewChunk;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class HybridSearchTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2024-03-31T12:00:00Z"), ZoneOffset.UTC);
  private final InMemoryMemoryIndex index = new InMemoryMemoryIndex();
  private final HashingEmbedder embedder = new HashingEmbedder();

  private void put(String path, String source, String... texts) {
    List<NewChunk> chunks = new java.util.ArrayList<>();
    for (int i = 0; i < texts.length; i++) {
      Embedding e = embedder.embed(List.of(texts[i])).get(0);
      chunks.add(new NewChunk(i + 1, i + 1, "", texts[i], Hashes.sha256(texts[i]), e));
    }
    index.replaceFile(new IndexedFile(path, source, Hashes.sha256(path), 0, 1), chunks);
  }

  @BeforeEach
  void corpus() {
    index.useEmbeddingModel(embedder.modelId(), embedder.dimension());
    for (int i = 0; i < 8; i++) {
      put(
          "memory/filler" + i + ".md",
          "memory",
          "ordinary filler about weather and lunch number " + i);
    }
    put("MEMORY.md", "memory", "The user prefers the kakapo parrot over other birds");
    put(
        "memory/notes.md",
        "memory",
        "Project falcon deadline is in May",
        "Remember to water the plants");
    put("knowledge/work/a.md", "work", "Work silo: kakapo conservation budget");
    put("knowledge/diary/b.md", "diary", "Private diary entry about the kakapo");
  }

  private HybridSearch search(SearchSettings settings) {
    return new HybridSearch(
        () -> index, Optional.of(embedder), settings.withIsolatedSilos(Set.of("diary")), CLOCK);
  }

  private HybridSearch search() {
    return search(SearchSettings.defaults());
  }

  private static List<String> paths(List<MemoryHit> hits) {
    return hits.stream().map(MemoryHit::path).toList();
  }

  @Test
  void blankQueryGivesNoHits() {
    assertThat(search().search("", SearchOptions.limit(5))).isEmpty();
    assertThat(search().search("  \n", SearchOptions.limit(5))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"AND OR NEAR(", "*", "((", "kakapo\" OR", "-", "🙂"})
  void queryThatIsPureSyntaxNeverThrows(String q) {
    assertThatCode(() -> search().search(q, SearchOptions.limit(5))).doesNotThrowAnyException();
  }

  @Test
  void findsMatchesAndExcludesIsolatedSilosUnlessNamed() {
    List<MemoryHit> hits = search().search("kakapo", SearchOptions.limit(10));
    assertThat(paths(hits))
        .contains("MEMORY.md", "knowledge/work/a.md")
        .doesNotContain("knowledge/diary/b.md");
    assertThat(hits)
        .filteredOn(h -> h.path().equals("knowledge/work/a.md"))
        .singleElement()
        .satisfies(h -> assertThat(h.source()).isEqualTo("work"));

    List<MemoryHit> diary = search().search("kakapo", SearchOptions.limit(10).withSilo("diary"));
    assertThat(paths(diary)).containsExactly("knowledge/diary/b.md");
    assertThat(paths(search().search("kakapo", SearchOptions.limit(10).withSilo("work"))))
        .containsExactly("knowledge/work/a.md");
  }

  @Test
  void hitsCarryLinesScoreOrderAndLimit() {
    List<MemoryHit> hits = search().search("falcon deadline", SearchOptions.limit(3));
    assertThat(hits).hasSizeLessThanOrEqualTo(3);
    assertThat(hits.get(0).path()).isEqualTo("memory/notes.md");
    assertThat(hits.get(0).startLine()).isEqualTo(1);
    assertThat(hits.get(0).snippet()).contains("falcon");
    for (int i = 1; i < hits.size(); i++) {
      assertThat(hits.get(i).score()).isLessThanOrEqualTo(hits.get(i - 1).score());
    }
    assertThat(hits.get(0).explanation()).isEmpty();
  }

  @Test
  void explainFillsBothLegs() {
    MemoryHit top =
        search().search("kakapo parrot", SearchOptions.limit(3).withExplain(true)).get(0);
    assertThat(top.path()).isEqualTo("MEMORY.md");
    MemoryHit.Explanation why = top.explanation().orElseThrow();
    assertThat(why.bm25()).isPositive();
    assertThat(why.cosine()).isPositive();
    assertThat(why.keywordRank()).isEqualTo(1);
    assertThat(why.vectorRank()).isEqualTo(1);
    assertThat(top.score()).isStrictlyBetween(0.0, 1.0);
    assertThat(why.fused()).isGreaterThanOrEqualTo(top.score());
  }

  @Test
  void keywordOnlyWithoutEmbedderMarksVectorSideMissing() {
    HybridSearch keywordOnly =
        new HybridSearch(() -> index, Optional.empty(), SearchSettings.defaults(), CLOCK);
    List<MemoryHit> hits = keywordOnly.search("falcon", SearchOptions.limit(5).withExplain(true));
    assertThat(paths(hits)).containsExactly("memory/notes.md");
    assertThat(hits.get(0).explanation().orElseThrow().cosine()).isNaN();
    assertThat(hits.get(0).explanation().orElseThrow().vectorRank()).isZero();
    assertThat(hits.get(0).score()).isStrictlyBetween(Relevance.FLOOR, 1.0);
  }

  @Test
  void failingEmbedderFallsBackToKeywords() {
    Embedder broken =
        new Embedder() {
          @Override
          public String modelId() {
            return embedder.modelId();
          }

          @Override
          public int dimension() {
            return embedder.dimension();
          }

          @Override
          public List<Embedding> embed(List<String> texts) {
            throw new EmbeddingException("model file missing");
          }
        };
    HybridSearch s =
        new HybridSearch(() -> index, Optional.of(broken), SearchSettings.defaults(), CLOCK);
    assertThat(paths(s.search("falcon", SearchOptions.limit(5))))
        .containsExactly("memory/notes.md");
  }

  @Test
  void modesRunOneLeg() {
    List<MemoryHit> keyword =
        search(SearchSettings.defaults().withMode(SearchMode.KEYWORD))
            .search("falcon", SearchOptions.limit(20).withExplain(true));
    assertThat(keyword)
        .allSatisfy(h -> assertThat(h.explanation().orElseThrow().vectorRank()).isZero());
    List<MemoryHit> vector =
        search(SearchSettings.defaults().withMode(SearchMode.VECTOR))
            .search("falcon", SearchOptions.limit(20).withExplain(true));
    assertThat(vector)
        .allSatisfy(h -> assertThat(h.explanation().orElseThrow().keywordRank()).isZero());
    assertThat(vector).isNotEmpty();
  }

  @ParameterizedTest
  @EnumSource(FusionMethod.class)
  void everyFusionPutsTheChunkFirstInBothLegsOnTop(FusionMethod method) {
    List<MemoryHit> hits =
        search(SearchSettings.defaults().withFusion(method))
            .search("kakapo parrot birds", SearchOptions.limit(5));
    assertThat(hits.get(0).path()).isEqualTo("MEMORY.md");
    assertThat(hits.get(0).score()).isBetween(0.0, 1.0);
  }

  @Test
  void weightsDecideBetweenLegs() {
    // keyword leg sees only the literal rare word; the vector leg ranks the long chunk sharing many
    // words higher
    put("memory/k.md", "memory", "zorilla");
    put(
        "memory/v.md",
        "memory",
        "zorilla sighting report with binoculars near river delta at dawn");
    String q = "sighting report binoculars river delta dawn zorilla";
    List<MemoryHit> text =
        search(SearchSettings.defaults().withWeights(0, 1)).search(q, SearchOptions.limit(2));
    List<MemoryHit> vec =
        search(SearchSettings.defaults().withWeights(1, 0)).search(q, SearchOptions.limit(2));
    assertThat(vec.get(0).path()).isEqualTo("memory/v.md");
    assertThat(text).isNotEmpty();
    assertThat(paths(text)).contains("memory/v.md");
  }

  @Test
  void whileFewChunksHaveVectorsTheKeywordLegDecides() {
    put("memory/k.md", "memory", "zorilla");
    put(
        "memory/v.md",
        "memory",
        "zorilla sighting report with binoculars near river delta at dawn");
    String q = "sighting report binoculars river delta dawn zorilla";
    List<MemoryHit> keywordsOnly =
        search(SearchSettings.defaults().withWeights(0, 1)).search(q, SearchOptions.limit(3));
    assertThat(paths(search().search(q, SearchOptions.limit(3), 0.0)))
        .isEqualTo(paths(keywordsOnly));
    assertThat(paths(search().search(q, SearchOptions.limit(3), 1.0)))
        .isEqualTo(paths(search().search(q, SearchOptions.limit(3))));
  }

  @Test
  void minScoreDropsWeakHits() {
    List<MemoryHit> all = search().search("kakapo", SearchOptions.limit(10));
    double cut = all.get(0).score() - 1e-9;
    assertThat(search().search("kakapo", SearchOptions.limit(10).withMinScore(cut)))
        .allSatisfy(h -> assertThat(h.score()).isGreaterThanOrEqualTo(cut))
        .isNotEmpty()
        .hasSizeLessThan(all.size());
  }

  @Test
  void recencyDecayLowersOldDailyNotesButNeverMemoryMd() {
    put("memory/2024-03-30.md", "memory", "quetzal sighting recorded");
    put("memory/2023-03-30.md", "memory", "quetzal sighting recorded");
    put("memory/undated-quetzal.md", "memory", "quetzal sighting recorded");
    SearchSettings decaying = SearchSettings.defaults().withHalfLifeDays(30);
    List<MemoryHit> hits =
        search(decaying).search("quetzal sighting", SearchOptions.limit(20).withExplain(true));
    Map<String, MemoryHit> byPath = new java.util.HashMap<>();
    hits.forEach(h -> byPath.put(h.path(), h));
    MemoryHit fresh = byPath.get("memory/2024-03-30.md");
    MemoryHit old = byPath.get("memory/2023-03-30.md");
    MemoryHit undated = byPath.get("memory/undated-quetzal.md");
    assertThat(undated.score()).isLessThanOrEqualTo(undated.explanation().orElseThrow().fused());
    assertThat(fresh.score()).isLessThan(undated.score()).isGreaterThan(old.score());
    assertThat(paths(hits))
        .containsSubsequence(
            "memory/undated-quetzal.md", "memory/2024-03-30.md", "memory/2023-03-30.md");
    assertThat(Reranking.decay("MEMORY.md", 30, CLOCK)).isEqualTo(1.0);
    assertThat(Reranking.decay("memory/2024-03-01-meeting.md", 30, CLOCK))
        .isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void mmrPrefersADiverseSecondHit() {
    put("memory/dup1.md", "memory", "wallaby feeding schedule morning evening");
    put("memory/dup2.md", "memory", "wallaby feeding schedule morning evening");
    put("memory/other.md", "memory", "wallaby vet appointment");
    String q = "wallaby feeding schedule";
    List<MemoryHit> plain = search().search(q, SearchOptions.limit(2));
    List<MemoryHit> diverse =
        search(SearchSettings.defaults().withMmr(true, 0.5)).search(q, SearchOptions.limit(2));
    assertThat(paths(plain)).containsExactlyInAnyOrder("memory/dup1.md", "memory/dup2.md");
    assertThat(paths(diverse)).contains("memory/other.md").hasSize(2);
  }

  @Test
  void nonsenseAndUnrelatedQueriesFindNothing() {
    assertThat(search().search("*", SearchOptions.limit(5))).isEmpty();
    assertThat(search().search("qzxv wplkj", SearchOptions.limit(5))).isEmpty();
  }

  @Test
  void scoresCompareAcrossQueriesInsteadOfTheTopHitAlwaysScoringOne() {
    double exact =
        search()
            .search("The user prefers the kakapo parrot over other birds", SearchOptions.limit(1))
            .get(0)
            .score();
    double partial =
        search().search("kakapo zebra giraffe okapi lion", SearchOptions.limit(1)).get(0).score();
    assertThat(exact).isGreaterThan(partial);
    assertThat(partial).isLessThan(1.0);
  }

  @Test
  void untouchedWorkspaceTemplatesRankAfterEveryNote() {
    String template = dev.localgpt.core.workspace.WorkspaceTemplates.text("TOOLS.md");
    String words = String.join(" ", template.split("\\s+")).substring(0, 60);
    index.replaceFile(
        new IndexedFile("TOOLS.md", "memory", Hashes.sha256(template), 0, template.length()),
        List.of(
            new NewChunk(
                1,
                1,
                "",
                template,
                Hashes.sha256(template),
                embedder.embed(List.of(template)).get(0))));
    put("memory/tools-notes.md", "memory", "tools: the laptop is called nimbus");

    List<MemoryHit> hits = search().search(words + " tools", SearchOptions.limit(5));
    assertThat(paths(hits)).contains("TOOLS.md", "memory/tools-notes.md");
    assertThat(paths(hits).get(paths(hits).size() - 1)).isEqualTo("TOOLS.md");

    String edited = template + "\nthe printer is in the hall\n";
    index.replaceFile(
        new IndexedFile("TOOLS.md", "memory", Hashes.sha256(edited), 0, edited.length()),
        List.of(
            new NewChunk(
                1, 1, "", edited, Hashes.sha256(edited), embedder.embed(List.of(edited)).get(0))));
    assertThat(paths(search().search(words + " tools", SearchOptions.limit(5))).get(0))
        .isEqualTo("TOOLS.md");
  }

  @Test
  void snippetsAreAtMost700Chars() {
    String longText = "ocelot " + "lorem ipsum dolor ".repeat(100);
    put("memory/long.md", "memory", longText);
    MemoryHit hit = search().search("ocelot", SearchOptions.limit(1)).get(0);
    assertThat(hit.snippet()).hasSizeLessThanOrEqualTo(700).startsWith("ocelot").endsWith("…");
    assertThat(HybridSearch.snippet("short", "ocelot")).isEqualTo("short");
  }

  @Test
  void aLongChunksSnippetShowsThePartThatMatched() {
    String longText =
        "lorem ipsum dolor\n".repeat(60)
            + "the margay sleeps in the tree\n"
            + "lorem ipsum\n".repeat(20);
    put("memory/long.md", "memory", longText);
    MemoryHit hit = search().search("margay", SearchOptions.limit(1)).get(0);
    assertThat(hit.snippet())
        .hasSizeLessThanOrEqualTo(700)
        .contains("the margay sleeps in the tree\n")
        .startsWith("…");
  }

  @Test
  void bestPerPathKeepsTheFirstHitOfEachFile() {
    List<MemoryHit> hits =
        List.of(
            new MemoryHit("a.md", 1, 2, 0.9, "a1", "memory", Optional.empty()),
            new MemoryHit("b.md", 1, 2, 0.8, "b1", "memory", Optional.empty()),
            new MemoryHit("a.md", 5, 6, 0.7, "a2", "memory", Optional.empty()));
    assertThat(MemoryHits.bestPerPath(hits))
        .extracting(MemoryHit::snippet)
        .containsExactly("a1", "b1");
  }
}

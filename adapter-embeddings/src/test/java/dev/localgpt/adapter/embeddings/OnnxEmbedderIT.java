package dev.localgpt.adapter.embeddings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.localgpt.ports.embedding.Embedding;
import dev.localgpt.ports.embedding.EmbeddingException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Loads the real models (a few seconds each). */
class OnnxEmbedderIT {

  @ParameterizedTest
  @EnumSource(EmbeddingModelChoice.class)
  void vectorsMatchTheReferenceImplementation(EmbeddingModelChoice choice) {
    List<Golden> cases = Golden.load(choice);
    // The reference ran each text alone; batches of 1 reproduce that.
    try (OnnxEmbedder embedder = OnnxEmbedders.create(choice, 1, 2)) {
      assertCloseToReference(embedder.embed(texts(cases)), cases, 0.99);
    }
  }

  @ParameterizedTest
  @EnumSource(EmbeddingModelChoice.class)
  void batchedVectorsStayCloseToTheReference(EmbeddingModelChoice choice) {
    List<Golden> cases = Golden.load(choice);
    // The int8 models quantise activations with one scale per batch, so batch neighbours move a
    // vector a little
    // (measured: cosine >= 0.968 on these 16 texts, 0.989 minimum on SciFact documents); fp32 is
    // unaffected.
    double minimum = choice == EmbeddingModelChoice.ALL_MINILM_L6_V2 ? 0.9999 : 0.96;
    try (OnnxEmbedder embedder = OnnxEmbedders.create(choice, 32, 2)) {
      assertCloseToReference(embedder.embed(texts(cases)), cases, minimum);
    }
  }

  private static List<String> texts(List<Golden> cases) {
    return cases.stream().map(Golden::text).toList();
  }

  private static void assertCloseToReference(
      List<Embedding> vectors, List<Golden> cases, double minimumCosine) {
    assertThat(vectors).hasSameSizeAs(cases);
    for (int i = 0; i < cases.size(); i++) {
      Embedding actual = vectors.get(i);
      assertThat(actual.dimension()).isEqualTo(384);
      assertThat(actual.dot(actual)).as("squared norm").isCloseTo(1.0, within(1e-4));
      assertThat(actual.dot(Embedding.of(cases.get(i).vector())))
          .as("cosine with reference for %s", cases.get(i).text())
          .isGreaterThanOrEqualTo(minimumCosine);
    }
  }

  @Test
  void resultsKeepInputOrderWhateverTheBatching() {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      texts.add("sentence number " + i + " " + "with more words ".repeat(i % 7));
    }
    // fp32, whose vectors do not depend on their batch neighbours, so any mix-up shows.
    try (OnnxEmbedder batched = OnnxEmbedders.create(EmbeddingModelChoice.ALL_MINILM_L6_V2, 8, 2);
        OnnxEmbedder single = OnnxEmbedders.create(EmbeddingModelChoice.ALL_MINILM_L6_V2, 1, 2)) {
      List<Embedding> inBatches = batched.embed(texts);
      List<Embedding> reversed = new ArrayList<>(batched.embed(texts.reversed()));
      Collections.reverse(reversed);
      List<Embedding> alone = single.embed(texts);
      for (int i = 0; i < texts.size(); i++) {
        assertThat(inBatches.get(i).dot(alone.get(i))).as("text %d", i).isGreaterThan(0.9999);
        assertThat(inBatches.get(i).dot(reversed.get(i))).as("text %d", i).isGreaterThan(0.9999);
      }
    }
  }

  @Test
  void queriesAndBatchesRunOnTheirOwnSessionsAndAgree() {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < OnnxEmbedder.SMALL_CALL + 2; i++) {
      texts.add("note " + i + " about kayaks and rivers " + "and more words ".repeat(i));
    }
    try (OnnxEmbedder embedder =
        OnnxEmbedders.create(EmbeddingModelChoice.ALL_MINILM_L6_V2, 32, 2)) {
      List<Embedding> alone = new ArrayList<>();
      for (String text : texts) {
        alone.add(embedder.embed(List.of(text)).getFirst());
      }
      embedder.embed(texts.subList(0, OnnxEmbedder.SMALL_CALL));
      assertThat(embedder.isLoaded()).isTrue();
      assertThat(embedder.batchSessionOpen()).isFalse();

      List<Embedding> together = embedder.embed(texts);
      assertThat(embedder.batchSessionOpen()).isTrue();
      for (int i = 0; i < texts.size(); i++) {
        assertThat(together.get(i).dot(alone.get(i))).as("text %d", i).isGreaterThan(0.9999);
      }
    }
  }

  @Test
  void similarTextsAreCloserThanUnrelatedOnes() {
    try (OnnxEmbedder embedder = OnnxEmbedders.create()) {
      List<Embedding> v =
          embedder.embed(
              List.of(
                  "The cat sat on the mat.",
                  "A kitten is sitting on a rug.",
                  "Quarterly tax filing deadlines"));
      assertThat(v.get(0).dot(v.get(1))).isGreaterThan(v.get(0).dot(v.get(2)) + 0.2);
    }
  }

  @Test
  void bgeEmbedsAQueryAfterItsInstructionAndMiniLmAsItIs() {
    String query = "how long do tardigrades survive in space";
    try (OnnxEmbedder bge = OnnxEmbedders.create(EmbeddingModelChoice.BGE_SMALL_EN_V15_Q, 1, 2);
        OnnxEmbedder miniLm = OnnxEmbedders.create(EmbeddingModelChoice.ALL_MINILM_L6_V2, 1, 2)) {
      Embedding instructed =
          bge.embed(List.of("Represent this sentence for searching relevant passages: " + query))
              .get(0);
      Embedding bare = bge.embed(List.of(query)).get(0);
      assertThat(bge.embedQuery(query).dot(instructed)).isGreaterThan(0.9999);
      assertThat(bare.dot(instructed)).as("the instruction moves the vector").isLessThan(0.99);
      assertThat(miniLm.embedQuery(query).dot(miniLm.embed(List.of(query)).get(0)))
          .isGreaterThan(0.9999);
    }
  }

  @Test
  void e5FindsThePassageThatAnswersAQueryWithItsQueryAndPassagePrefixes() {
    String query = "how long can tardigrades survive in outer space";
    List<String> passages =
        List.of(
            "Quarterly tax returns are due at the end of the month after each quarter.",
            "Tardigrades exposed to the vacuum and radiation of open space for ten days survived"
                + " and laid eggs after their return to Earth.",
            "The kayak club meets on Saturdays at the lake; bring your own paddle.");
    try (OnnxEmbedder e5 = OnnxEmbedders.create(EmbeddingModelChoice.E5_SMALL_V2_Q, 32, 2)) {
      List<Embedding> documents = e5.embed(passages);
      Embedding q = e5.embedQuery(query);
      assertThat(q.dimension()).isEqualTo(384);
      assertThat(q.dot(documents.get(1)))
          .isGreaterThan(q.dot(documents.get(0)))
          .isGreaterThan(q.dot(documents.get(2)));
      assertThat(q.dot(e5.embed(List.of(query)).get(0)))
          .as("a query and the same text as a passage differ by their prefixes")
          .isLessThan(0.99);
    }
  }

  @Test
  void loadsTheModelOnlyOnFirstEmbed() {
    try (OnnxEmbedder embedder = OnnxEmbedders.create()) {
      assertThat(embedder.modelId()).isEqualTo("all-minilm-l6-v2-q");
      assertThat(embedder.dimension()).isEqualTo(384);
      assertThat(embedder.embed(List.of())).isEmpty();
      assertThat(embedder.isLoaded()).isFalse();
      embedder.embed(List.of("x"));
      assertThat(embedder.isLoaded()).isTrue();
    }
  }

  @Test
  void concurrentCallersShareOneModelAndGetTheSameVectors() throws Exception {
    List<String> texts = List.of("alpha beta", "gamma delta epsilon", "zeta");
    try (OnnxEmbedder embedder = OnnxEmbedders.create();
        ExecutorService pool = Executors.newFixedThreadPool(4)) {
      List<Future<List<Embedding>>> futures = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        futures.add(pool.submit(() -> embedder.embed(texts)));
      }
      List<Embedding> first = futures.getFirst().get();
      for (Future<List<Embedding>> f : futures) {
        List<Embedding> other = f.get();
        for (int i = 0; i < texts.size(); i++) {
          assertThat(other.get(i).dot(first.get(i))).isGreaterThan(0.9999);
        }
      }
    }
  }

  @Test
  void embedAfterCloseFailsWithAClearMessage() {
    OnnxEmbedder embedder = OnnxEmbedders.create();
    embedder.embed(List.of("load it"));
    embedder.close();
    assertThatThrownBy(() -> embedder.embed(List.of("again")))
        .isInstanceOf(EmbeddingException.class)
        .hasMessageContaining("closed");
  }
}

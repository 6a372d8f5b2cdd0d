package dev.localgpt.ports.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Embedder} promises, run on each adapter and on the {@link HashingEmbedder}
 * fake: one unit vector of {@link Embedder#dimension()} floats per text, in order; the same text
 * gives the same vector again (and nearly the same in another batch); similar texts are closer than
 * unrelated ones; an empty batch is an empty result.
 */
public abstract class EmbedderContract {

  /** The embedder under test (may be shared between tests). */
  protected abstract Embedder embedder();

  @Test
  void givesOneUnitVectorOfTheDimensionPerTextInOrder() {
    Embedder embedder = embedder();
    List<String> texts =
        List.of("the quokka lives on Rottnest island", "", "Zebra stripes", "ünïcødé — ok");

    List<Embedding> vectors = embedder.embed(texts);

    assertThat(vectors).hasSize(texts.size());
    for (Embedding v : vectors) {
      assertThat(v.dimension()).isEqualTo(embedder.dimension());
      assertThat(v.dot(v)).as("L2-normalised").isCloseTo(1.0, within(1e-3));
    }
    Embedding alone = embedder.embed(List.of("Zebra stripes")).getFirst();
    assertThat(embedder.embed(List.of("Zebra stripes")).getFirst())
        .as("deterministic")
        .isEqualTo(alone);
    assertThat(alone.dot(vectors.get(2)))
        .as("alone and in a batch (int8 models move a little with their batch)")
        .isGreaterThan(0.95);
  }

  @Test
  void textsSharingMeaningAreCloserThanUnrelatedOnes() {
    List<Embedding> v =
        embedder()
            .embed(
                List.of(
                    "my cat sleeps on the sofa",
                    "the cat is sleeping on my sofa",
                    "quarterly tax filing deadline"));

    assertThat(v.get(0).dot(v.get(1))).isGreaterThan(v.get(0).dot(v.get(2)));
  }

  @Test
  void aQueryGivesAUnitVectorClosestToThePassageThatAnswersIt() {
    Embedder embedder = embedder();
    List<Embedding> passages =
        embedder.embed(
            List.of(
                "The quokka is a small marsupial that lives on Rottnest island near Perth.",
                "Quarterly tax returns are due at month end."));

    Embedding query = embedder.embedQuery("which island near Perth is the quokka from");

    assertThat(query.dimension()).isEqualTo(embedder.dimension());
    assertThat(query.dot(query)).as("L2-normalised").isCloseTo(1.0, within(1e-3));
    assertThat(embedder.embedQuery("which island near Perth is the quokka from")).isEqualTo(query);
    assertThat(query.dot(passages.get(0))).isGreaterThan(query.dot(passages.get(1)));
  }

  @Test
  void anEmptyBatchGivesNoVectorsAndTheIdIsStable() {
    Embedder embedder = embedder();

    assertThat(embedder.embed(List.of())).isEmpty();
    assertThat(embedder.modelId()).isNotBlank().isEqualTo(embedder.modelId());
    assertThat(embedder.dimension()).isPositive();
  }

  @Test
  void tokenCountsAddUpOverLinesAndTheWindowIsPositive() {
    Embedder embedder = embedder();
    String first = "The quokka lives on Rottnest island, near Perth.";
    String second = "Zebra stripes confuse biting flies (2019 study).";

    assertThat(embedder.tokenCount("")).isZero();
    assertThat(embedder.tokenCount(first)).isPositive();
    assertThat(embedder.tokenCount(first + "\n" + second))
        .isEqualTo(embedder.tokenCount(first) + embedder.tokenCount(second));
    assertThat(embedder.maxTokens()).isPositive();
  }
}

package dev.localgpt.ports.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class HashingEmbedderTest extends EmbedderContract {
  private final HashingEmbedder embedder = new HashingEmbedder("h", 64);

  @Override
  protected Embedder embedder() {
    return embedder;
  }

  @Test
  void sameTextGivesSameUnitVector() {
    List<Embedding> out = embedder.embed(List.of("Zebra stripes", "zebra STRIPES"));
    assertThat(out.get(0)).isEqualTo(out.get(1));
    assertThat(out.get(0).dot(out.get(0))).isCloseTo(1.0, within(1e-5));
  }

  @Test
  void sharedWordsAreCloserThanDisjointWords() {
    List<Embedding> out = embedder.embed(List.of("quokka island", "quokka beach", "volcano ash"));
    assertThat(out.get(0).dot(out.get(1))).isGreaterThan(out.get(0).dot(out.get(2)));
  }

  @Test
  void countsCallsAndTexts() {
    embedder.embed(List.of("a", "b"));
    embedder.embed(List.of("c"));
    assertThat(embedder.calls()).isEqualTo(2);
    assertThat(embedder.textsEmbedded()).isEqualTo(3);
    assertThat(embedder.batchSizes()).containsExactly(2, 1);
    assertThat(embedder.embed(List.of("x")).get(0).dimension()).isEqualTo(64);
  }
}

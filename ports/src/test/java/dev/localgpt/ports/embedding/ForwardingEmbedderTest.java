package dev.localgpt.ports.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ForwardingEmbedderTest {
  /** A model whose every answer differs from the interface's defaults. */
  private final Embedder model =
      new Embedder() {
        @Override
        public String modelId() {
          return "model-x";
        }

        @Override
        public int dimension() {
          return 2;
        }

        @Override
        public List<Embedding> embed(List<String> texts) {
          return texts.stream().map(t -> Embedding.normalized(new float[] {1, 0})).toList();
        }

        @Override
        public Embedding embedQuery(String query) {
          return Embedding.normalized(new float[] {0, 1});
        }

        @Override
        public int tokenCount(String text) {
          return 42;
        }

        @Override
        public int maxTokens() {
          return 7;
        }
      };

  @Test
  void everyCallReachesTheDelegateIncludingTheQueryPath() {
    ForwardingEmbedder forwarding = () -> model;

    assertThat(forwarding.modelId()).isEqualTo("model-x");
    assertThat(forwarding.dimension()).isEqualTo(2);
    assertThat(forwarding.embed(List.of("a", "b"))).hasSize(2);
    assertThat(forwarding.embedQuery("q").toArray()).containsExactly(0f, 1f);
    assertThat(forwarding.tokenCount("one two")).isEqualTo(42);
    assertThat(forwarding.maxTokens()).isEqualTo(7);
  }
}

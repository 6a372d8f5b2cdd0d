package dev.localgpt.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localgpt.ports.embedding.Embedder;
import dev.localgpt.ports.embedding.Embedding;
import dev.localgpt.ports.embedding.HashingEmbedder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryEmbeddingCacheTest {
  private final List<List<String>> calls = new ArrayList<>();
  private final Embedder model =
      new Embedder() {
        private final HashingEmbedder hashing = new HashingEmbedder();

        @Override
        public String modelId() {
          return hashing.modelId();
        }

        @Override
        public int dimension() {
          return hashing.dimension();
        }

        @Override
        public List<Embedding> embed(List<String> texts) {
          calls.add(List.copyOf(texts));
          return hashing.embed(texts);
        }
      };

  @Test
  void aRepeatedQueryDoesNotRunTheModelAgain() {
    QueryEmbeddingCache cache = new QueryEmbeddingCache(model, 4);
    Embedding first = cache.embedQuery("kayak trip budget");
    Embedding again = cache.embedQuery("kayak trip budget");
    assertThat(again).isEqualTo(first);
    assertThat(calls).containsExactly(List.of("kayak trip budget"));
    assertThat(cache.modelId()).isEqualTo(model.modelId());
    assertThat(cache.dimension()).isEqualTo(model.dimension());
  }

  @Test
  void theLeastRecentlyUsedQueryIsForgottenFirst() {
    QueryEmbeddingCache cache = new QueryEmbeddingCache(model, 2);
    cache.embedQuery("a");
    cache.embedQuery("b");
    cache.embedQuery("a");
    cache.embedQuery("c");
    cache.embedQuery("a");
    cache.embedQuery("b");
    assertThat(calls).containsExactly(List.of("a"), List.of("b"), List.of("c"), List.of("b"));
  }

  @Test
  void documentsPassThroughUncachedAndNeverAnswerAQuery() {
    QueryEmbeddingCache cache = new QueryEmbeddingCache(model, 4);
    cache.embed(List.of("x", "y"));
    cache.embed(List.of("x", "y"));
    cache.embed(List.of("x"));
    cache.embed(List.of("x"));
    cache.embedQuery("x");
    assertThat(calls)
        .containsExactly(
            List.of("x", "y"), List.of("x", "y"), List.of("x"), List.of("x"), List.of("x"));
    assertThatThrownBy(() -> new QueryEmbeddingCache(model, 0))
        .hasMessageContaining("'capacity' must be > 0");
  }
}

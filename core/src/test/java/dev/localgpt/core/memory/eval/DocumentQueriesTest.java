package dev.localgpt.core.memory.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localgpt.ports.embedding.Embedder;
import dev.localgpt.ports.embedding.Embedding;
import dev.localgpt.ports.embedding.ForwardingEmbedder;
import dev.localgpt.ports.embedding.HashingEmbedder;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentQueriesTest {
  private final HashingEmbedder words = new HashingEmbedder();

  /** A model whose query path adds an instruction word. */
  private final Embedder instructed =
      new ForwardingEmbedder() {
        @Override
        public Embedder delegate() {
          return words;
        }

        @Override
        public Embedding embedQuery(String query) {
          return words.embed(List.of("represent " + query)).get(0);
        }

        @Override
        public int maxTokens() {
          return 254;
        }
      };

  @Test
  void embedsTheQueryAsADocumentAndKeepsTheRestOfTheModel() {
    DocumentQueries plain = new DocumentQueries(instructed);

    Embedding asDocument = words.embed(List.of("kayak budget")).get(0);
    assertThat(plain.embedQuery("kayak budget")).isEqualTo(asDocument);
    assertThat(instructed.embedQuery("kayak budget")).isNotEqualTo(asDocument);
    assertThat(plain.modelId()).isEqualTo(instructed.modelId());
    assertThat(plain.maxTokens()).isEqualTo(254);
    assertThat(plain.embed(List.of("a b"))).isEqualTo(words.embed(List.of("a b")));
  }
}

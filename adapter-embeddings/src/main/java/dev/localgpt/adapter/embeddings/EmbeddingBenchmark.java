package dev.localgpt.adapter.embeddings;

import ai.onnxruntime.OrtException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localgpt.ports.embedding.EmbeddingException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures embedding throughput two ways on the same texts and batch size: the raw onnxruntime rate (tokenise, plan
 * length-sorted batches, run the session; no pooling or vectors) and the {@link OnnxEmbedder#embed} rate, so their ratio shows what the
 * adapter costs. Model loading and one warm-up pass are not timed.
 *
 * <p>{@code main} arguments: {@code [--corpus corpus.jsonl] [--docs 256] [--batch 32] [--rounds 3] [--model id|all]}.
 */
public final class EmbeddingBenchmark {
  private static final Path DEFAULT_CORPUS = Path.of("/work/shared/data/scifact/corpus.jsonl");

  /** One measurement; rates are texts per second, the best of the rounds. */
  public record Result(String modelId, int texts, int batchSize, double rawTextsPerSecond,
      double embedderTextsPerSecond) {
    /** {@code embedder / raw}: 1.0 means the adapter adds nothing. */
    public double ratio() {
      return embedderTextsPerSecond / rawTextsPerSecond;
    }
  }

  private EmbeddingBenchmark() {}

  /**
   * The raw onnxruntime rate for {@code texts} in batches of {@code batchSize}, texts per second, after a warm-up
   * pass. Loads its own copy of the model and closes it afterwards; while another session of the same model is
   * busy in this process the two compete for the cores, so prefer {@link #rawTextsPerSecond(OnnxEmbedder, List,
   * int)} next to an embedder.
   */
  public static double rawTextsPerSecond(EmbeddingModelChoice choice, List<String> texts, int batchSize) {
    try (OnnxModel model = OnnxModel.load(choice, Runtime.getRuntime().availableProcessors())) {
      timeRaw(model, texts.subList(0, Math.min(texts.size(), batchSize)), batchSize);
      return texts.size() / timeRaw(model, texts, batchSize);
    }
  }

  /**
   * The raw onnxruntime rate measured on {@code embedder}'s own session (loading it if needed), so it can be set
   * beside that embedder's indexing rate on the same texts and batch size.
   */
  public static double rawTextsPerSecond(OnnxEmbedder embedder, List<String> texts, int batchSize) {
    OnnxModel model = embedder.model();
    timeRaw(model, texts.subList(0, Math.min(texts.size(), batchSize)), batchSize);
    return texts.size() / timeRaw(model, texts, batchSize);
  }

  /**
   * Measures both rates on one loaded model (one onnxruntime session), alternating raw and embedder passes for
   * {@code rounds} rounds, which of the two goes first changing every round.
   */
  public static Result compare(EmbeddingModelChoice choice, List<String> texts, int batchSize, int rounds) {
    int threads = Runtime.getRuntime().availableProcessors();
    try (OnnxEmbedder embedder = OnnxEmbedders.create(choice, batchSize, threads)) {
      List<String> warmUp = texts.subList(0, Math.min(texts.size(), batchSize));
      embedder.embed(warmUp);
      OnnxModel model = embedder.model();
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
      return new Result(choice.id(), texts.size(), batchSize, texts.size() / bestRaw, texts.size() / bestEmbedder);
    }
  }

  /** Seconds to tokenise {@code texts}, plan the batches as the embedder does and run them through the session. */
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

  /** The first {@code limit} documents of a BEIR corpus.jsonl, each as title and text on two lines. */
  public static List<String> readBeirCorpus(Path corpus, int limit) {
    ObjectMapper json = new ObjectMapper();
    List<String> texts = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null && texts.size() < limit; line = in.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode doc = json.readTree(line);
        String title = doc.path("title").asText("");
        String text = doc.path("text").asText("");
        texts.add(title.isEmpty() ? text : title + "\n" + text);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read corpus " + corpus + ": " + e.getMessage(), e);
    }
    return texts;
  }

  public static void main(String[] args) {
    Path corpus = DEFAULT_CORPUS;
    int docs = 256;
    int batch = OnnxEmbedders.DEFAULT_BATCH_SIZE;
    int rounds = 3;
    String model = "all";
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--corpus" -> corpus = Path.of(args[i + 1]);
        case "--docs" -> docs = Integer.parseInt(args[i + 1]);
        case "--batch" -> batch = Integer.parseInt(args[i + 1]);
        case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
        case "--model" -> model = args[i + 1];
        default -> throw new IllegalArgumentException("unknown option " + args[i]
            + ": use --corpus, --docs, --batch, --rounds or --model");
      }
    }
    List<String> texts = readBeirCorpus(corpus, docs);
    List<EmbeddingModelChoice> choices = model.equals("all")
        ? List.of(EmbeddingModelChoice.values()) : List.of(EmbeddingModelChoice.fromId(model));
    System.out.printf("%d texts from %s, batch %d, %d threads, best of %d rounds%n",
        texts.size(), corpus, batch, Runtime.getRuntime().availableProcessors(), rounds);
    System.out.printf("%-22s %12s %14s %7s%n", "model", "raw texts/s", "embed texts/s", "ratio");
    for (EmbeddingModelChoice choice : choices) {
      Result r = compare(choice, texts, batch, rounds);
      System.out.printf("%-22s %12.1f %14.1f %7.3f%n", r.modelId(), r.rawTextsPerSecond(),
          r.embedderTextsPerSecond(), r.ratio());
    }
  }
}

package dev.localgpt.adapter.embeddings;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.localgpt.ports.embedding.EmbeddingException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One loaded model: its tokenizer and an onnxruntime session. {@link #run} is thread-safe
 * (onnxruntime sessions are); {@link #close} must not overlap a run.
 */
final class OnnxModel implements AutoCloseable {
  private static final String OUTPUT = "last_hidden_state";
  static final String INTRA_OP_SPINNING = "session.intra_op.allow_spinning";
  static final String INTER_OP_SPINNING = "session.inter_op.allow_spinning";

  private final EmbeddingModelChoice choice;
  private final BertTokenizer tokenizer;
  private final OrtEnvironment env;
  private final OrtSession session;
  private final boolean takesTokenTypes;

  private OnnxModel(
      EmbeddingModelChoice choice,
      BertTokenizer tokenizer,
      OrtEnvironment env,
      OrtSession session) {
    this.choice = choice;
    this.tokenizer = tokenizer;
    this.env = env;
    this.session = session;
    this.takesTokenTypes = session.getInputNames().contains("token_type_ids");
  }

  /**
   * Starts a session for the model of {@code choice} run as {@code settings} says; texts are
   * tokenised with {@code tokenizer} ({@link #readTokenizer}). The native libraries and the model
   * come from the {@link OnnxCache} when it can hold them, else from the jars.
   *
   * @throws EmbeddingException if the model jar is missing or the model cannot be loaded
   */
  static OnnxModel load(
      EmbeddingModelChoice choice, BertTokenizer tokenizer, SessionSettings settings) {
    return load(choice, tokenizer, settings, OnnxCache.standard());
  }

  static OnnxModel load(
      EmbeddingModelChoice choice,
      BertTokenizer tokenizer,
      SessionSettings settings,
      OnnxCache cache) {
    OnnxCache.useNativeLibraries(cache);
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    OrtSession session = OnnxSessions.create(env, choice, settings, cache);
    return new OnnxModel(choice, tokenizer, env, session);
  }

  /**
   * Reads the tokenizer of {@code choice}, from its compact form in the {@link OnnxCache} when
   * there is one, else from the tokenizer.json on the classpath (then the compact form is written
   * for the next run). The model itself is not read.
   *
   * @throws EmbeddingException if the model jar is missing or its tokenizer cannot be read
   */
  static BertTokenizer readTokenizer(EmbeddingModelChoice choice) {
    return readTokenizer(choice, OnnxCache.standard());
  }

  static BertTokenizer readTokenizer(EmbeddingModelChoice choice, OnnxCache cache) {
    Optional<Path> compact = cache.tokenizer(choice);
    Optional<BertTokenizer> cached = compact.flatMap(CompactTokenizer::read);
    if (cached.isPresent()) {
      return cached.get();
    }
    BertTokenizer tokenizer;
    try (InputStream in = open(choice, choice.tokenizerResource())) {
      tokenizer = BertTokenizer.fromJson(in);
    } catch (IOException | IllegalArgumentException e) {
      throw new EmbeddingException(
          "cannot read the tokenizer of embedding model '" + choice.id() + "': " + e.getMessage(),
          e);
    }
    compact.ifPresent(file -> CompactTokenizer.write(tokenizer, file));
    return tokenizer;
  }

  /**
   * Session options: the intra-op threads of {@code settings}, which sleep instead of spinning when
   * idle, and its CPU arena choice. onnxruntime's default keeps its pool threads busy-waiting after
   * every run; a query embedding takes milliseconds, so between requests those threads burned whole
   * cores that the server's own threads (and, on a shared box, everything else) needed: on a loaded
   * 2-core machine a single query embedding took ~200 ms instead of a few.
   */
  static void configure(OrtSession.SessionOptions options, SessionSettings settings)
      throws OrtException {
    options.setIntraOpNumThreads(settings.threads());
    options.setInterOpNumThreads(1);
    options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
    options.addConfigEntry(INTRA_OP_SPINNING, "0");
    options.addConfigEntry(INTER_OP_SPINNING, "0");
    options.setCPUArenaAllocator(settings.arena());
    options.setMemoryPatternOptimization(false);
  }

  /** The classpath resource, or an EmbeddingException naming the jar to add. */
  static InputStream open(EmbeddingModelChoice choice, String resource) {
    InputStream in = OnnxModel.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new EmbeddingException(
          "embedding model '"
              + choice.id()
              + "' is not on the classpath (no resource '"
              + resource
              + "'): add the dependency "
              + choice.mavenCoordinates()
              + " or choose another model");
    }
    return in;
  }

  BertTokenizer tokenizer() {
    return tokenizer;
  }

  EmbeddingModelChoice choice() {
    return choice;
  }

  /** Token ids of {@code text}, truncated to the model's limit. */
  int[] encode(String text) {
    return tokenizer.encode(text, choice.maxTokens());
  }

  /**
   * Runs one padded batch and pools each row: the result holds {@code batch.length} vectors, not
   * yet normalised.
   *
   * @throws EmbeddingException if onnxruntime fails
   */
  float[][] run(int[][] batch) {
    int rows = batch.length;
    int seq = 0;
    for (int[] ids : batch) {
      seq = Math.max(seq, ids.length);
    }
    long[] inputIds = new long[rows * seq];
    long[] mask = new long[rows * seq];
    for (int r = 0; r < rows; r++) {
      for (int t = 0; t < batch[r].length; t++) {
        inputIds[r * seq + t] = batch[r][t];
        mask[r * seq + t] = 1;
      }
    }
    long[] shape = {rows, seq};
    Map<String, OnnxTensor> inputs = new HashMap<>();
    try {
      inputs.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(inputIds), shape));
      inputs.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape));
      if (takesTokenTypes) {
        inputs.put(
            "token_type_ids",
            OnnxTensor.createTensor(env, LongBuffer.wrap(new long[rows * seq]), shape));
      }
      try (OrtSession.Result result = session.run(inputs)) {
        OnnxTensor hidden = (OnnxTensor) result.get(OUTPUT).orElseGet(() -> result.get(0));
        long[] outShape = hidden.getInfo().getShape();
        return pool(hidden.getFloatBuffer(), batch, seq, (int) outShape[2]);
      }
    } catch (OrtException e) {
      throw new EmbeddingException(
          "embedding model '"
              + choice.id()
              + "' failed on a batch of "
              + rows
              + " texts: "
              + e.getMessage(),
          e);
    } finally {
      inputs.values().forEach(OnnxTensor::close);
    }
  }

  private float[][] pool(FloatBuffer hidden, int[][] batch, int seq, int dim) {
    float[][] out = new float[batch.length][dim];
    for (int r = 0; r < batch.length; r++) {
      int base = r * seq * dim;
      if (choice.pooling() == Pooling.CLS) {
        hidden.get(base, out[r], 0, dim);
        continue;
      }
      int tokens = batch[r].length;
      float[] sum = out[r];
      for (int t = 0; t < tokens; t++) {
        int offset = base + t * dim;
        for (int d = 0; d < dim; d++) {
          sum[d] += hidden.get(offset + d);
        }
      }
      for (int d = 0; d < dim; d++) {
        sum[d] /= tokens;
      }
    }
    return out;
  }

  /**
   * Runs the session on one padded batch and discards the output: the raw rate the benchmark
   * compares against.
   */
  void runRaw(long[] inputIds, long[] mask, long[] tokenTypes, long[] shape) throws OrtException {
    Map<String, OnnxTensor> inputs = new HashMap<>();
    try {
      inputs.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(inputIds), shape));
      inputs.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape));
      if (takesTokenTypes) {
        inputs.put(
            "token_type_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(tokenTypes), shape));
      }
      session.run(inputs).close();
    } finally {
      inputs.values().forEach(OnnxTensor::close);
    }
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new EmbeddingException(
          "cannot close embedding model '" + choice.id() + "': " + e.getMessage(), e);
    }
  }
}

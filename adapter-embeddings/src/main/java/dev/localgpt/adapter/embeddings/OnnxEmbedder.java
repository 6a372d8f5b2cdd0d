package dev.localgpt.adapter.embeddings;

import dev.localgpt.ports.embedding.Embedder;
import dev.localgpt.ports.embedding.Embedding;
import dev.localgpt.ports.embedding.EmbeddingException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * An {@link Embedder} running a local BERT-style model with onnxruntime. The model is loaded on the
 * first {@link #embed} (once, even when called from several threads), so {@link #modelId()} and
 * {@link #dimension()} never load it. Texts are tokenised, grouped into batches of similar token
 * counts ({@link BatchPlan}), run, pooled, L2-normalised and returned in input order. Thread-safe;
 * {@link #close()} must not overlap an {@code embed} call. Create through {@link OnnxEmbedders}.
 *
 * <p>Two sessions of the same model serve two uses ({@link SessionSettings}): calls of at most
 * {@value #SMALL_CALL} texts (a query, a note edited in the daemon) run on the calling thread
 * without onnxruntime's memory arena; larger calls (indexing batches) run on a session with {@code
 * threads} intra-op threads and the arena, opened on the first such call and closed after {@link
 * #BATCH_IDLE} without one, so a daemon gives the arena's memory back once indexing is done.
 */
public final class OnnxEmbedder implements Embedder, AutoCloseable {
  /** Calls of at most this many texts run on the query session. */
  static final int SMALL_CALL = 4;

  /** The batch session closes after this long without a batch. */
  static final Duration BATCH_IDLE = Duration.ofSeconds(30);

  private static final long LOADER_STACK_BYTES = 64L << 20;
  private final EmbeddingModelChoice choice;
  private final int batchSize;
  private final int threads;
  private final Object lock = new Object();
  private final IdleClosing<OnnxModel> batches;
  private volatile OnnxModel model;
  private volatile BertTokenizer tokenizer;
  private boolean closed;

  OnnxEmbedder(EmbeddingModelChoice choice, int batchSize, int threads) {
    this.choice = Objects.requireNonNull(choice, "'choice' must not be null");
    if (batchSize < 1) {
      throw new IllegalArgumentException("'batchSize' must be > 0, was " + batchSize);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("'threads' must be > 0, was " + threads);
    }
    this.batchSize = batchSize;
    this.threads = threads;
    this.batches =
        new IdleClosing<>(
            () -> loadOnLargeStack(SessionSettings.batch(threads)),
            BATCH_IDLE.toNanos(),
            System::nanoTime,
            IdleClosing.SHARED_SCHEDULER);
  }

  @Override
  public String modelId() {
    return choice.id();
  }

  @Override
  public int dimension() {
    return choice.dimension();
  }

  /**
   * Word pieces of {@code text} by the model's own tokenizer; loads the tokenizer only, never the
   * model.
   */
  @Override
  public int tokenCount(String text) {
    return tokenizer().count(Objects.requireNonNull(text, "'text' must not be null"));
  }

  /**
   * The model's window less {@code [CLS]}, {@code [SEP]} and the tokens of its {@linkplain
   * EmbeddingModelChoice#documentPrefix document prefix}: 254 for MiniLM, 510 for bge-small, 508
   * for e5-small ({@code "passage: "} is two tokens). A text of this many tokens reaches its vector
   * whole. Loads the tokenizer only for a model with a document prefix.
   */
  @Override
  public int maxTokens() {
    String prefix = choice.documentPrefix();
    return choice.maxTokens() - 2 - (prefix.isEmpty() ? 0 : tokenizer().count(prefix));
  }

  /** The model this embedder runs. */
  public EmbeddingModelChoice choice() {
    return choice;
  }

  /** Whether the query session has been loaded (by a first {@link #embed} of few texts). */
  public boolean isLoaded() {
    return model != null;
  }

  /** Whether the batch session is open (from a large {@link #embed} until it has been idle). */
  public boolean batchSessionOpen() {
    return batches.isOpen();
  }

  /**
   * Loads the query session now, as the first {@link #embed} of a query would (a caller may do it
   * on another thread while it does other work); does nothing if it is loaded.
   *
   * @throws EmbeddingException if the model cannot be loaded or the embedder is closed
   */
  public void preload() {
    model();
  }

  /** Embeds documents, each after the model's {@linkplain EmbeddingModelChoice#documentPrefix}. */
  @Override
  public List<Embedding> embed(List<String> texts) {
    Objects.requireNonNull(texts, "'texts' must not be null");
    if (texts.isEmpty()) {
      return List.of();
    }
    int n = texts.size();
    int[][] ids = new int[n][];
    for (int i = 0; i < n; i++) {
      ids[i] = documentIds(Objects.requireNonNull(texts.get(i), "'texts' must not contain null"));
    }
    return embedIds(ids);
  }

  /** The token ids {@link #embed} runs for a document: its prefix, the text, cut to the window. */
  int[] documentIds(String text) {
    return tokenizer().encode(choice.documentText(text), choice.maxTokens());
  }

  /**
   * The token ids {@link #embedQuery} runs: the query instruction, the query, cut to the window.
   */
  int[] queryIds(String query) {
    return tokenizer().encode(choice.queryText(query), choice.maxTokens());
  }

  /**
   * Embeds {@code query} after the model's {@linkplain EmbeddingModelChoice#queryInstruction}, and
   * never with the document prefix.
   */
  @Override
  public Embedding embedQuery(String query) {
    Objects.requireNonNull(query, "'query' must not be null");
    return embedIds(new int[][] {queryIds(query)}).get(0);
  }

  private List<Embedding> embedIds(int[][] ids) {
    if (ids.length <= SMALL_CALL) {
      return run(model(), ids);
    }
    OnnxModel loaded = acquireBatchModel();
    try {
      return run(loaded, ids);
    } finally {
      batches.release();
    }
  }

  private List<Embedding> run(OnnxModel loaded, int[][] ids) {
    int n = ids.length;
    Embedding[] out = new Embedding[n];
    for (int[] batch : BatchPlan.of(ids, batchSize)) {
      int[][] rows = new int[batch.length][];
      for (int k = 0; k < batch.length; k++) {
        rows[k] = ids[batch[k]];
      }
      float[][] vectors = loaded.run(rows);
      for (int k = 0; k < batch.length; k++) {
        out[batch[k]] = Embedding.normalized(vectors[k]);
      }
    }
    return Collections.unmodifiableList(Arrays.asList(out));
  }

  private BertTokenizer tokenizer() {
    BertTokenizer current = tokenizer;
    if (current != null) {
      return current;
    }
    synchronized (lock) {
      if (tokenizer == null) {
        tokenizer = OnnxModel.readTokenizer(choice);
      }
      return tokenizer;
    }
  }

  /**
   * The batch session, opened if needed; the caller must {@link #releaseBatchModel} it.
   *
   * @throws EmbeddingException if it cannot be loaded or the embedder is closed
   */
  OnnxModel acquireBatchModel() {
    try {
      return batches.acquire();
    } catch (IllegalStateException e) {
      throw closedError();
    }
  }

  void releaseBatchModel() {
    batches.release();
  }

  private EmbeddingException closedError() {
    return new EmbeddingException("embedder for '" + choice.id() + "' is closed: create a new one");
  }

  /** The query session, loaded if needed. */
  OnnxModel model() {
    OnnxModel current = model;
    if (current != null) {
      return current;
    }
    synchronized (lock) {
      if (closed) {
        throw closedError();
      }
      if (model == null) {
        model = loadOnLargeStack(SessionSettings.QUERY);
      }
      return model;
    }
  }

  /**
   * Creating an onnxruntime session recurses deeply in native code. On a thread with the default 1
   * MB stack (or a virtual thread's carrier) it can overflow, which kills the JVM with SIGSEGV and
   * no error report; it happened with the CLI's class path. So the session is created on a thread
   * of its own with a large stack.
   */
  private OnnxModel loadOnLargeStack(SessionSettings settings) {
    BertTokenizer words = tokenizer();
    FutureTask<OnnxModel> load = new FutureTask<>(() -> OnnxModel.load(choice, words, settings));
    Thread loader = new Thread(null, load, "onnx-model-load", LOADER_STACK_BYTES);
    loader.setDaemon(true);
    loader.start();
    try {
      return load.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new EmbeddingException("cannot load model '" + choice.id() + "'", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EmbeddingException("interrupted while loading model '" + choice.id() + "'", e);
    }
  }

  /** Releases the onnxruntime sessions that were loaded. Later {@code embed} calls fail. */
  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
      OnnxModel current = model;
      model = null;
      try {
        batches.close();
      } finally {
        if (current != null) {
          current.close();
        }
      }
    }
  }

  @Override
  public String toString() {
    return "OnnxEmbedder[" + choice.id() + ", batch=" + batchSize + ", threads=" + threads + "]";
  }
}

package dev.localgpt.ports.embedding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deterministic test {@link Embedder}: a hashed bag of lower-case words, L2-normalised. Texts
 * sharing words get a positive cosine, texts without common words get ~0. Counts calls and texts so
 * tests can check batching and caching.
 */
public final class HashingEmbedder implements Embedder {
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_]+");

  private final String modelId;
  private final int dimension;
  private final AtomicInteger calls = new AtomicInteger();
  private final AtomicInteger texts = new AtomicInteger();
  private final List<Integer> batchSizes = new ArrayList<>();

  public HashingEmbedder(String modelId, int dimension) {
    if (dimension <= 0) {
      throw new IllegalArgumentException("'dimension' must be > 0, was " + dimension);
    }
    this.modelId = modelId;
    this.dimension = dimension;
  }

  /** {@code hashing-256}, 256 dimensions. */
  public HashingEmbedder() {
    this("hashing-256", 256);
  }

  @Override
  public String modelId() {
    return modelId;
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public List<Embedding> embed(List<String> input) {
    calls.incrementAndGet();
    texts.addAndGet(input.size());
    synchronized (batchSizes) {
      batchSizes.add(input.size());
    }
    List<Embedding> out = new ArrayList<>(input.size());
    for (String text : input) {
      out.add(embedOne(text));
    }
    return out;
  }

  private Embedding embedOne(String text) {
    float[] v = new float[dimension];
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      int h = m.group().hashCode() * 0x9E3779B1;
      int slot = Math.floorMod(h, dimension);
      v[slot] += ((h >>> 16) & 1) == 0 ? 1f : -1f;
    }
    if (java.util.stream.IntStream.range(0, dimension).allMatch(i -> v[i] == 0f)) {
      v[0] =
          1f; // a text without words (or whose words cancel out) still gets a unit vector, as real
      // models give
    }
    return Embedding.normalized(v);
  }

  /** Number of {@link #embed} calls so far. */
  public int calls() {
    return calls.get();
  }

  /** Number of texts embedded so far. */
  public int textsEmbedded() {
    return texts.get();
  }

  /** Size of each batch so far, in call order. */
  public List<Integer> batchSizes() {
    synchronized (batchSizes) {
      return List.copyOf(batchSizes);
    }
  }
}

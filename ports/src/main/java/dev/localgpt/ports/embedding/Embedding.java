package dev.localgpt.ports.embedding;

import java.util.Arrays;

/**
 * An embedding vector with value equality. The array is copied on the way in and out, so an
 * instance is immutable. Vectors produced by an {@link Embedder} are L2-normalised, so {@link #dot}
 * equals cosine similarity.
 */
public final class Embedding {
  private final float[] values;

  private Embedding(float[] values) {
    this.values = values;
  }

  /** Copies {@code values}. */
  public static Embedding of(float[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("'values' must not be empty");
    }
    return new Embedding(values.clone());
  }

  /** Copies {@code values} and scales them to unit length (a zero vector stays zero). */
  public static Embedding normalized(float[] values) {
    float[] copy = values.clone();
    double sum = 0;
    for (float v : copy) {
      sum += (double) v * v;
    }
    double norm = Math.sqrt(sum);
    if (norm > 0) {
      for (int i = 0; i < copy.length; i++) {
        copy[i] = (float) (copy[i] / norm);
      }
    }
    return new Embedding(copy);
  }

  public int dimension() {
    return values.length;
  }

  /** A copy of the values. */
  public float[] toArray() {
    return values.clone();
  }

  /** Value {@code i} without copying. */
  public float get(int i) {
    return values[i];
  }

  /** Dot product; for normalised vectors this is the cosine similarity. */
  public double dot(Embedding other) {
    if (other.values.length != values.length) {
      throw new IllegalArgumentException(
          "dimension mismatch: " + values.length + " vs " + other.values.length);
    }
    double sum = 0;
    for (int i = 0; i < values.length; i++) {
      sum += values[i] * other.values[i];
    }
    return sum;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Embedding e && Arrays.equals(values, e.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "Embedding[dim=" + values.length + "]";
  }
}

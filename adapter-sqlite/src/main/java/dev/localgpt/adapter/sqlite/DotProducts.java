package dev.localgpt.adapter.sqlite;

/**
 * The k-NN's dot products: in float (with rows in half precision), and approximate ones over int8
 * codes for a fast first scan. A code scales a vector by its largest absolute component so that it
 * maps to 127, and rounds; a dot product of two codes (in {@code int}) times both scales
 * approximates the float dot product. The bytes are a quarter of the floats' memory traffic; with
 * the Vector API ({@link Int8Dot}) the integer scan is ~4× faster than the plain loop.
 */
final class DotProducts {
  private DotProducts() {}

  /** Dot product with eight independent accumulators so the JIT can pipeline the multiply-adds. */
  static float dot(float[] q, float[] m, int offset, int d) {
    float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
    int i = 0;
    for (; i + 7 < d; i += 8) {
      int o = offset + i;
      s0 += q[i] * m[o];
      s1 += q[i + 1] * m[o + 1];
      s2 += q[i + 2] * m[o + 2];
      s3 += q[i + 3] * m[o + 3];
      s4 += q[i + 4] * m[o + 4];
      s5 += q[i + 5] * m[o + 5];
      s6 += q[i + 6] * m[o + 6];
      s7 += q[i + 7] * m[o + 7];
    }
    for (; i < d; i++) {
      s0 += q[i] * m[offset + i];
    }
    return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
  }

  /**
   * The dot product of {@code q} with the half-precision vector at {@code m[offset, offset + d)}.
   */
  static float dot(float[] q, short[] m, int offset, int d) {
    float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    int i = 0;
    for (; i + 3 < d; i += 4) {
      int o = offset + i;
      s0 += q[i] * Float.float16ToFloat(m[o]);
      s1 += q[i + 1] * Float.float16ToFloat(m[o + 1]);
      s2 += q[i + 2] * Float.float16ToFloat(m[o + 2]);
      s3 += q[i + 3] * Float.float16ToFloat(m[o + 3]);
    }
    for (; i < d; i++) {
      s0 += q[i] * Float.float16ToFloat(m[offset + i]);
    }
    return (s0 + s1) + (s2 + s3);
  }

  /** Writes {@code v} in half precision to {@code out} from {@code at}. */
  static void toHalves(float[] v, short[] out, int at) {
    for (int i = 0; i < v.length; i++) {
      out[at + i] = Float.floatToFloat16(v[i]);
    }
  }

  static float inverseNorm(float[] v, int offset, int d) {
    float n = dot(v, v, offset, d);
    return n > 0 ? (float) (1.0 / Math.sqrt(n)) : 0f;
  }

  /**
   * Writes the code of {@code v[from, from + d)} to {@code out[at, at + d)}; returns its scale (0
   * for a zero vector).
   */
  static float encode(float[] v, int from, int d, byte[] out, int at) {
    float max = 0;
    for (int i = 0; i < d; i++) {
      max = Math.max(max, Math.abs(v[from + i]));
    }
    if (max == 0 || !Float.isFinite(max)) {
      for (int i = 0; i < d; i++) {
        out[at + i] = 0;
      }
      return 0;
    }
    float toCode = 127f / max;
    for (int i = 0; i < d; i++) {
      out[at + i] = (byte) Math.round(v[from + i] * toCode);
    }
    return max / 127f;
  }

  /** How the int8 scan runs in this JVM ({@link Int8Dot#best()}). */
  static final Int8Dot INT8 = Int8Dot.best();

  /** The integer dot product of {@code q} with the code at {@code m[offset, offset + d)}. */
  static int dot(byte[] q, byte[] m, int offset, int d) {
    return INT8.dot(q, m, offset, d);
  }
}

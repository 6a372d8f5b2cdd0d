package dev.localgpt.adapter.sqlite;

/**
 * The integer dot product of two int8 codes, the inner loop of the Java k-NN's first scan. Two
 * implementations give the same result: {@link ScalarInt8Dot} runs everywhere, {@code
 * VectorInt8Dot} uses the Vector API ({@code jdk.incubator.vector}, ~4× faster here) and is chosen
 * by {@link #best()} only when the JVM was started with that module ({@code --add-modules
 * jdk.incubator.vector}, as the daemon is).
 */
interface Int8Dot {
  /** {@code Σ q[i] × m[offset + i]} for {@code i < d}. */
  int dot(byte[] q, byte[] m, int offset, int d);

  /** A short name for benchmark output. */
  String name();

  /** The Vector API implementation when its module is in the boot layer, else the scalar one. */
  static Int8Dot best() {
    return choose(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent());
  }

  /** The Vector API implementation if {@code vectorModule} and it loads, else the scalar one. */
  static Int8Dot choose(boolean vectorModule) {
    if (vectorModule) {
      try {
        return (Int8Dot)
            Class.forName("dev.localgpt.adapter.sqlite.VectorInt8Dot")
                .getDeclaredConstructor()
                .newInstance();
      } catch (ReflectiveOperationException | LinkageError e) {
        return new ScalarInt8Dot();
      }
    }
    return new ScalarInt8Dot();
  }
}

package dev.localgpt.adapter.sqlite;

/** The plain loop: the JIT does not vectorise a byte-to-int multiply-add reduction. */
final class ScalarInt8Dot implements Int8Dot {
  @Override
  public int dot(byte[] q, byte[] m, int offset, int d) {
    int s = 0;
    for (int i = 0; i < d; i++) {
      s += q[i] * m[offset + i];
    }
    return s;
  }

  @Override
  public String name() {
    return "scalar";
  }
}

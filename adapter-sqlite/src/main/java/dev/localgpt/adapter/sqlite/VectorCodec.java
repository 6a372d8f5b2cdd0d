package dev.localgpt.adapter.sqlite;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Vectors as BLOBs of float32 little-endian, the layout sqlite-vec reads. */
final class VectorCodec {
  private VectorCodec() {}

  static byte[] encode(float[] values) {
    ByteBuffer buffer =
        ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    buffer.asFloatBuffer().put(values);
    return buffer.array();
  }

  static float[] decode(byte[] blob) {
    if (blob.length % Float.BYTES != 0) {
      throw new IllegalArgumentException(
          "vector blob length " + blob.length + " is not a multiple of 4");
    }
    float[] values = new float[blob.length / Float.BYTES];
    ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
    return values;
  }

  /** Decodes straight into {@code target} at {@code offset}, avoiding a temporary array. */
  static void decodeInto(byte[] blob, float[] target, int offset) {
    ByteBuffer.wrap(blob)
        .order(ByteOrder.LITTLE_ENDIAN)
        .asFloatBuffer()
        .get(target, offset, blob.length / 4);
  }
}

package dev.localgpt.adapter.sqlite;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The int8 dot product with the Vector API: bytes widened to shorts (a product of two int8 fits a
 * short), multiplied, widened to ints and summed lane-wise; the tail is scalar. Loaded only through
 * {@link Int8Dot#choose}, so a JVM without {@code jdk.incubator.vector} never touches this class.
 */
final class VectorInt8Dot implements Int8Dot {
  /** Ints per vector: 8 where the machine has 256-bit vectors, else 4. */
  private static final VectorSpecies<Integer> INTS =
      IntVector.SPECIES_PREFERRED.vectorBitSize() >= 256
          ? IntVector.SPECIES_256
          : IntVector.SPECIES_128;

  private static final VectorSpecies<Short> SHORTS =
      ShortVector.SPECIES_256.vectorBitSize() == INTS.vectorBitSize()
          ? ShortVector.SPECIES_256
          : ShortVector.SPECIES_128;

  /** As many bytes as the shorts vector has lanes (half its bits). */
  private static final VectorSpecies<Byte> BYTES =
      VectorSpecies.of(byte.class, VectorShape.forBitSize(SHORTS.vectorBitSize() / 2));

  @Override
  public int dot(byte[] q, byte[] m, int offset, int d) {
    int step = BYTES.length();
    int bound = d - d % step;
    IntVector acc = IntVector.zero(INTS);
    int i = 0;
    for (; i < bound; i += step) {
      ShortVector a =
          (ShortVector)
              ByteVector.fromArray(BYTES, q, i).convertShape(VectorOperators.B2S, SHORTS, 0);
      ShortVector b =
          (ShortVector)
              ByteVector.fromArray(BYTES, m, offset + i)
                  .convertShape(VectorOperators.B2S, SHORTS, 0);
      ShortVector p = a.mul(b);
      acc =
          acc.add(p.convertShape(VectorOperators.S2I, INTS, 0))
              .add(p.convertShape(VectorOperators.S2I, INTS, 1));
    }
    int s = acc.reduceLanes(VectorOperators.ADD);
    for (; i < d; i++) {
      s += q[i] * m[offset + i];
    }
    return s;
  }

  @Override
  public String name() {
    return "Vector API (" + INTS.vectorBitSize() + "-bit)";
  }
}

package dev.localgpt.adapter.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The Vector API scan and the scalar loop give the same integer for every length, offset and value
 * (the test JVM runs with {@code --add-modules jdk.incubator.vector}); without the module the
 * scalar loop is chosen.
 */
class Int8DotTest {
  @Test
  void theVectorApiIsChosenWhenItsModuleIsThereAndTheScalarLoopOtherwise() {
    assertThat(Int8Dot.best()).isInstanceOf(VectorInt8Dot.class);
    assertThat(DotProducts.INT8).isInstanceOf(VectorInt8Dot.class);
    assertThat(Int8Dot.choose(false)).isInstanceOf(ScalarInt8Dot.class);
  }

  @Test
  void bothImplementationsAgreeExactly() {
    Int8Dot scalar = new ScalarInt8Dot();
    Int8Dot vector = Int8Dot.choose(true);
    Random random = new Random(3);
    for (int d : new int[] {0, 1, 7, 8, 15, 16, 17, 31, 384, 385, 768}) {
      byte[] q = new byte[d];
      byte[] m = new byte[d * 3 + 5];
      random.nextBytes(q);
      random.nextBytes(m);
      for (int offset : new int[] {0, 1, d, 2 * d + 5}) {
        assertThat(vector.dot(q, m, offset, d))
            .as("d=%d offset=%d", d, offset)
            .isEqualTo(scalar.dot(q, m, offset, d));
      }
    }
  }

  @Test
  void extremeCodesDoNotOverflow() {
    Int8Dot vector = Int8Dot.choose(true);
    byte[] low = new byte[384];
    java.util.Arrays.fill(low, Byte.MIN_VALUE);
    byte[] high = new byte[384];
    java.util.Arrays.fill(high, Byte.MAX_VALUE);
    assertThat(vector.dot(low, low, 0, 384)).isEqualTo(384 * 128 * 128);
    assertThat(vector.dot(low, high, 0, 384)).isEqualTo(-384 * 128 * 127);
  }
}

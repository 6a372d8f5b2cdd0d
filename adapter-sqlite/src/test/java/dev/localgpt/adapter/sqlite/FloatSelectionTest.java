package dev.localgpt.adapter.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FloatSelectionTest {
  @Test
  void findsTheNthLargestLikeASortOnRandomRisingAndTiedValues() {
    Random random = new Random(5);
    for (int round = 0; round < 300; round++) {
      int length = 1 + random.nextInt(400);
      float[] values = new float[length];
      for (int i = 0; i < length; i++) {
        values[i] =
            switch (round % 3) {
              case 0 -> random.nextFloat();
              case 1 -> i * 0.5f; // rising, the worst order for a heap
              default -> random.nextInt(4); // many ties
            };
      }
      float[] sorted = values.clone();
      Arrays.sort(sorted);
      int n = 1 + random.nextInt(length);

      assertThat(FloatSelection.nthLargest(values.clone(), length, n))
          .isEqualTo(sorted[length - n]);
    }
  }

  @Test
  void looksOnlyAtTheGivenLengthAndRejectsAnImpossibleRank() {
    float[] values = {3, 1, 2, 99, 98};
    assertThat(FloatSelection.nthLargest(values, 3, 1)).isEqualTo(3f);
    assertThatThrownBy(() -> FloatSelection.nthLargest(new float[] {1, 2}, 2, 3))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

package dev.localgpt.adapter.embeddings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchPlanTest {

  private static int[][] lengths(int... lengths) {
    int[][] ids = new int[lengths.length][];
    for (int i = 0; i < lengths.length; i++) {
      ids[i] = new int[lengths[i]];
    }
    return ids;
  }

  @Test
  void coversEveryTextOnceShortestFirst() {
    int[][] ids = lengths(50, 3, 256, 7, 3, 40, 256, 12);
    List<Integer> seen = new ArrayList<>();
    int previous = 0;
    for (int[] batch : BatchPlan.of(ids, 32)) {
      for (int index : batch) {
        assertThat(ids[index].length).isGreaterThanOrEqualTo(previous);
        previous = ids[index].length;
        seen.add(index);
      }
    }
    assertThat(seen).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7);
  }

  @Test
  void neverExceedsTheBatchSize() {
    int[][] ids = lengths(new int[100]);
    for (int i = 0; i < 100; i++) {
      ids[i] = new int[256];
    }
    assertThat(BatchPlan.of(ids, 32)).extracting(b -> b.length).containsExactly(32, 32, 32, 4);
  }

  @Test
  void startsANewBatchWhenLengthsGrowTooMuch() {
    int[][] ids = lengths(10, 12, 16, 17, 100, 120, 256);
    assertThat(BatchPlan.of(ids, 32)).extracting(b -> b.length).containsExactly(3, 1, 2, 1);
  }

  @Test
  void emptyInputHasNoBatches() {
    assertThat(BatchPlan.of(new int[0][], 32)).isEmpty();
  }
}

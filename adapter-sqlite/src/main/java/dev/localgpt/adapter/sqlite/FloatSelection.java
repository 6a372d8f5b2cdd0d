package dev.localgpt.adapter.sqlite;

/**
 * The n-th largest of some floats in linear expected time (quickselect), so a scan can keep its
 * scores in an array and offer only those at or above that value to a heap. Offering every row to a
 * bounded heap instead costs a sift per row that beats the heap's worst, which is most rows when
 * the scores rise along the scan (rows of one topic stored together).
 */
final class FloatSelection {
  private FloatSelection() {}

  /**
   * The {@code n}-th largest value of {@code values[0, length)} (1-based: n = 1 is the maximum);
   * reorders {@code values}.
   */
  static float nthLargest(float[] values, int length, int n) {
    if (n < 1 || n > length) {
      throw new IllegalArgumentException("n must be in [1, " + length + "], was " + n);
    }
    int target = length - n; // its index once sorted ascending
    int lo = 0;
    int hi = length - 1;
    while (lo < hi) {
      float pivot = medianOfThree(values[lo], values[(lo + hi) >>> 1], values[hi]);
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (values[i] < pivot) {
          i++;
        }
        while (values[j] > pivot) {
          j--;
        }
        if (i <= j) {
          float t = values[i];
          values[i] = values[j];
          values[j] = t;
          i++;
          j--;
        }
      }
      if (target <= j) {
        hi = j;
      } else if (target >= i) {
        lo = i;
      } else {
        return values[target];
      }
    }
    return values[target];
  }

  private static float medianOfThree(float a, float b, float c) {
    return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
  }
}

package dev.localgpt.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VectorsTest {
  @Test
  void textFormRoundTripsExactly() {
    float[] v = {0.1f, -1e-7f, 3.4028235e38f, 0f};
    assertThat(Vectors.text(v)).startsWith("[0.1,").endsWith("]");
    assertThat(Vectors.parse(Vectors.text(v))).containsExactly(v);
  }

  @Test
  void bytesRoundTripExactly() {
    float[] v = {0.25f, -0.5f, 0.125f, Float.MIN_VALUE};
    assertThat(Vectors.decode(Vectors.encode(v))).containsExactly(v);
  }
}

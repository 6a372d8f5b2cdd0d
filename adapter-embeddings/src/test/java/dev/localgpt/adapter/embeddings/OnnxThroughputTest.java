package dev.localgpt.adapter.embeddings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OnnxThroughputTest {

  @Test
  void ratioIsEmbedderRateOverRawRate() {
    var result = new OnnxThroughput.Result("m", 10, 32, 50.0, 45.0);
    assertThat(result.ratio()).isEqualTo(0.9);
  }
}

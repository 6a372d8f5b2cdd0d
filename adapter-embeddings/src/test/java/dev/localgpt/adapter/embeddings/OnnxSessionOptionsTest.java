package dev.localgpt.adapter.embeddings;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OrtSession;
import org.junit.jupiter.api.Test;

class OnnxSessionOptionsTest {
  @Test
  void intraAndInterOpThreadsSleepInsteadOfSpinning() throws Exception {
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      OnnxModel.configure(options, 2);
      assertThat(options.getConfigEntries())
          .containsEntry("session.intra_op.allow_spinning", "0")
          .containsEntry("session.inter_op.allow_spinning", "0");
    }
  }
}

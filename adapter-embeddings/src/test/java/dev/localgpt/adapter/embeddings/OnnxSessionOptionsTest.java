package dev.localgpt.adapter.embeddings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.OrtSession;
import org.junit.jupiter.api.Test;

class OnnxSessionOptionsTest {
  @Test
  void intraAndInterOpThreadsSleepInsteadOfSpinning() throws Exception {
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      OnnxModel.configure(options, SessionSettings.batch(2));
      assertThat(options.getConfigEntries())
          .containsEntry("session.intra_op.allow_spinning", "0")
          .containsEntry("session.inter_op.allow_spinning", "0");
    }
  }

  @Test
  void queriesRunOnTheCallingThreadWithoutTheArenaAndBatchesKeepTheArena() {
    assertThat(SessionSettings.QUERY).isEqualTo(new SessionSettings(1, false));
    assertThat(SessionSettings.batch(2)).isEqualTo(new SessionSettings(2, true));
  }

  @Test
  void aSessionNeedsAThread() {
    assertThatThrownBy(() -> new SessionSettings(0, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'threads' must be > 0, was 0");
  }
}

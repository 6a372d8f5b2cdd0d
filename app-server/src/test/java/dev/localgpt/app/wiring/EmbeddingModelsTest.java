package dev.localgpt.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localgpt.adapter.embeddings.EmbeddingModelChoice;
import dev.localgpt.core.config.ConfigException;
import org.junit.jupiter.api.Test;

class EmbeddingModelsTest {

  @Test
  void e5SmallV2IsALocalModelChoiceUnderItsUsualNames() {
    for (String name : new String[] {"e5-small-v2", "intfloat/e5-small-v2", " E5-Small-V2-q "}) {
      assertThat(EmbeddingModels.resolve("local", name))
          .as(name)
          .contains(EmbeddingModelChoice.E5_SMALL_V2_Q);
    }
  }

  @Test
  void anUnknownModelNamesE5AmongTheChoices() {
    assertThatThrownBy(() -> EmbeddingModels.resolve("local", "e5-large"))
        .isInstanceOf(ConfigException.class)
        .satisfies(
            e -> assertThat(((ConfigException) e).problems().get(0).fix()).contains("e5-small-v2"));
  }
}

package dev.localgpt.adapter.providers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderSettingsTest {

  @Test
  void toStringNeverShowsAKey() {
    ProviderSettings settings =
        ProviderSettings.builder()
            .anthropic("sk-ant-secret-1", null)
            .openai("sk-openai-secret-2", null)
            .environment(Map.of())
            .build();
    assertThat(settings.toString())
        .doesNotContain("sk-ant-secret-1")
        .doesNotContain("sk-openai-secret-2")
        .contains("anthropicApiKey=***")
        .contains("compatibleApiKey=<unset>")
        .contains("https://api.anthropic.com");
  }
}

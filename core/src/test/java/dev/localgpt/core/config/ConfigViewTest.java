package dev.localgpt.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localgpt.core.workspace.LocalGptHome;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigViewTest {
  private final LocalGptHome home = LocalGptHome.at(Path.of("/tmp/h"));

  @Test
  void everyFlattenedKeyIsASchemaKeyAndDefaultsAreShown() {
    Map<String, Object> flat = ConfigView.flatten(LocalGptConfig.defaults(home), true);
    assertThat(flat.keySet()).allMatch(key -> ConfigSchema.find(key).isPresent());
    assertThat(flat)
        .containsEntry("server.port", 31_327L)
        .containsEntry("heartbeat.interval", "30m")
        .doesNotContainKey("providers.openai.api_key");
  }

  @Test
  void secretsAreMaskedOnlyWhenAsked() {
    LocalGptConfig config =
        new ConfigBinder(home, Map.of("ANTHROPIC_API_KEY", "sk-ant-secret"))
            .bind(ConfigSource.empty("config.toml"));
    assertThat(ConfigView.get(config, "providers.anthropic.api_key", true))
        .contains(ConfigView.MASK);
    assertThat(ConfigView.get(config, "providers.anthropic.api_key", false))
        .contains("sk-ant-secret");
    assertThat(ConfigView.flatten(config, true).values())
        .noneMatch(v -> String.valueOf(v).contains("sk-ant"));
  }

  @Test
  void nestsDottedKeysIntoTables() {
    assertThat(ConfigView.nested(Map.of("heartbeat.active_hours.start", "08:00")))
        .isEqualTo(Map.of("heartbeat", Map.of("active_hours", Map.of("start", "08:00"))));
  }
}

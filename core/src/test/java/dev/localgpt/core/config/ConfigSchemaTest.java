package dev.localgpt.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConfigSchemaTest {
  @Test
  void suggestsTheNearestKeyForATypo() {
    assertThat(ConfigSchema.suggest("server.prot")).contains("server.port");
    assertThat(ConfigSchema.suggest("memory.chunk_sise")).contains("memory.chunk_size");
    assertThat(ConfigSchema.suggest("heartbeat.intervall")).contains("heartbeat.interval");
  }

  @Test
  void suggestsNothingForSomethingFarAway() {
    assertThat(ConfigSchema.suggest("completely.different.thing")).isEmpty();
  }

  @Test
  void knowsTablesKeysAndTheRustSettingsItIgnores() {
    assertThat(ConfigSchema.isKnown("providers")).isTrue();
    assertThat(ConfigSchema.isKnown("heartbeat.active_hours")).isTrue();
    assertThat(ConfigSchema.isKnown("server.port")).isTrue();
    assertThat(ConfigSchema.isKnown("providers.claude_cli.command")).isTrue();
    assertThat(ConfigSchema.isKnown("sandbox.network.policy")).isTrue();
    assertThat(ConfigSchema.isKnown("server.prot")).isFalse();
  }

  @Test
  void secretKeysAreMarked() {
    assertThat(ConfigSchema.keys().stream().filter(ConfigKey::secret).map(ConfigKey::name))
        .containsExactlyInAnyOrder(
            "providers.openai.api_key",
            "providers.anthropic.api_key",
            "providers.openai_compatible.api_key",
            "server.auth_token",
            "memory.postgres.password");
  }
}

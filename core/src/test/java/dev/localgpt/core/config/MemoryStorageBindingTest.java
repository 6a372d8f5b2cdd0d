package dev.localgpt.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localgpt.core.workspace.LocalGptHome;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MemoryStorageBindingTest {
  private final LocalGptHome home = LocalGptHome.at(Path.of("/tmp/lg-storage-test"));

  private MemoryStorage bind(Map<String, Object> values, Map<String, String> env) {
    return new ConfigBinder(home, env)
        .bind(ConfigSource.of("config.toml", values))
        .memory()
        .storage();
  }

  @Test
  void sqliteIsTheDefault() {
    MemoryStorage storage = bind(Map.of(), Map.of());
    assertThat(storage.backend()).isEqualTo("sqlite");
    assertThat(storage.postgres()).isFalse();
  }

  @Test
  void postgresTakesUrlUserPoolWorkspaceAndAnExpandedPassword() {
    MemoryStorage storage =
        bind(
            Map.of(
                "memory.backend",
                "postgres",
                "memory.postgres.url",
                "jdbc:postgresql://db:5432/lg",
                "memory.postgres.user",
                "lg",
                "memory.postgres.password",
                "${PGPASSWORD}",
                "memory.postgres.pool_size",
                4L,
                "memory.postgres.workspace",
                "alice"),
            Map.of("PGPASSWORD", "s3cret"));
    assertThat(storage.postgres()).isTrue();
    assertThat(storage.url()).isEqualTo("jdbc:postgresql://db:5432/lg");
    assertThat(storage.user()).isEqualTo("lg");
    assertThat(storage.password()).contains("s3cret");
    assertThat(storage.poolSize()).isEqualTo(4);
    assertThat(storage.workspaceId()).isEqualTo("alice");
    assertThat(storage.toString()).doesNotContain("s3cret");
  }

  @Test
  void passwordAndUserFallBackToTheLibpqVariables() {
    MemoryStorage storage =
        bind(
            Map.of("memory.backend", "postgres", "memory.postgres.url", "postgres://db/lg"),
            Map.of("PGPASSWORD", "pw", "PGUSER", "bob"));
    assertThat(storage.password()).contains("pw");
    assertThat(storage.user()).isEqualTo("bob");
  }

  @Test
  void postgresWithoutUrlOrWithABadOneIsOneClearProblemEach() {
    assertThatThrownBy(() -> bind(Map.of("memory.backend", "postgres"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("needs memory.postgres.url")
        .hasMessageContaining("jdbc:postgresql://localhost:5432/localgpt");
    assertThatThrownBy(
            () ->
                bind(
                    Map.of("memory.backend", "postgres", "memory.postgres.url", "mysql://x"),
                    Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("memory.postgres.url");
    assertThatThrownBy(() -> bind(Map.of("memory.backend", "oracle"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("memory.backend");
    assertThatThrownBy(
            () ->
                bind(
                    Map.of(
                        "memory.backend",
                        "postgres",
                        "memory.postgres.url",
                        "postgres://db/x",
                        "memory.postgres.workspace",
                        "a b"),
                    Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("memory.postgres.workspace");
  }
}

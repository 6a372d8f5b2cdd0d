package dev.localgpt.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localgpt.core.workspace.LocalGptHome;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code [[server.users]]}: tokens expanded, default workspaces, one clear problem per mistake. */
class ServerUsersConfigTest {
  private final LocalGptHome home = LocalGptHome.at(Path.of("/tmp/lg-users"));

  private LocalGptConfig bind(
      List<Map<String, Object>> users, Map<String, Object> more, Map<String, String> env) {
    Map<String, Object> values = new HashMap<>(more);
    values.put("server.users", users);
    return new ConfigBinder(home, env).bind(ConfigSource.of("config.toml", values));
  }

  @Test
  void readsUsersWithExpandedTokensAndDefaultWorkspaces() {
    LocalGptConfig config =
        bind(
            List.of(
                Map.of(
                    "name",
                    "alice",
                    "token",
                    "${ALICE_TOKEN}",
                    "workspace",
                    "~/alice-notes",
                    "read_workspaces",
                    List.of("family")),
                Map.of("name", "family", "token", "family-secret-token")),
            Map.of(),
            Map.of("ALICE_TOKEN", "alice-secret-token", "HOME", "/home/me"));

    assertThat(config.server().users())
        .containsExactly(
            new ServerUser(
                "alice", "alice-secret-token", Path.of("/home/me/alice-notes"), List.of("family")),
            new ServerUser(
                "family",
                "family-secret-token",
                Path.of("/tmp/lg-users/users/family/workspace"),
                List.of()));
    assertThat(ConfigView.flatten(config, true).get("server.users").toString())
        .contains("token=********")
        .doesNotContain("alice-secret-token");
    assertThat(config.server().toString()).doesNotContain("alice-secret-token");
  }

  @Test
  void noUsersByDefault() {
    LocalGptConfig config =
        new ConfigBinder(home, Map.of()).bind(ConfigSource.empty("config.toml"));
    assertThat(config.server().users()).isEmpty();
  }

  @Test
  void everyMistakeIsOneProblemNamingTheUserAndTheFix() {
    List<Map<String, Object>> users =
        List.of(
            Map.of("token", "t0"),
            Map.of("name", "a b", "token", "t1"),
            Map.of("name", "blank", "token", "  "),
            Map.of("name", "unset", "token", "${NOT_SET}"),
            Map.of("name", "typo", "token", "t2", "tokn", "x"),
            Map.of("name", "dup", "token", "t3"),
            Map.of("name", "dup", "token", "t4"),
            Map.of("name", "same", "token", "owner-token"),
            Map.of("name", "copy", "token", "t2"),
            Map.of("name", "reader", "token", "t5", "read_workspaces", List.of("nobody")),
            Map.of("name", "twin", "token", "t6", "workspace", "users/dup/workspace"));

    assertThatThrownBy(() -> bind(users, Map.of("server.auth_token", "owner-token"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .satisfies(
            e -> {
              List<String> problems =
                  ((ConfigException) e).problems().stream().map(ConfigProblem::toString).toList();
              assertThat(problems).allSatisfy(p -> assertThat(p).contains("server.users"));
              assertThat(String.join("\n", problems))
                  .contains("user #1 needs a 'name'")
                  .contains("was 'a b'")
                  .contains("user 'blank': 'token' is missing or blank")
                  .contains("user 'unset': 'token' refers to NOT_SET, which is not set")
                  .contains("user 'typo': unknown key 'tokn'")
                  .contains("two users are named 'dup'")
                  .contains("user 'same': the token is also another user's (or server.auth_token)")
                  .contains("user 'copy': the token is also another user's")
                  .contains("read_workspaces names 'nobody', which is no [[server.users]] name")
                  .contains("user 'twin': workspace")
                  .doesNotContain("owner-token");
              assertThat(problems).hasSize(10);
            });
  }

  @Test
  void onPostgresAUserMayReadAnyWorkspaceIdButNotBeNamedLikeTheOwnersWorkspace() {
    Map<String, Object> postgres =
        Map.of("memory.backend", "postgres", "memory.postgres.url", "jdbc:postgresql://db/lg");
    LocalGptConfig config =
        bind(
            List.of(Map.of("name", "bob", "token", "t1", "read_workspaces", List.of("team.kb"))),
            postgres,
            Map.of());
    assertThat(config.server().users().get(0).readWorkspaces()).containsExactly("team.kb");

    assertThatThrownBy(
            () -> bind(List.of(Map.of("name", "default", "token", "t1")), postgres, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("user 'default': the name is this server's own workspace id");
  }
}

package dev.localgpt.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localgpt.core.config.LocalGptConfig;
import dev.localgpt.core.config.ServerConfig;
import dev.localgpt.core.config.ToolsConfig;
import dev.localgpt.core.skills.Severity;
import dev.localgpt.core.workspace.LocalGptHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecurityAuditTest {
  @TempDir Path home;

  private AuditInput input(LocalGptConfig config) {
    return new AuditInput(
        home, home.resolve("config.toml"), home.getParent(), config, List.of(), false);
  }

  @Test
  void secretsFromTheEnvironmentAreFineLiteralOnesAreHighAndNeverPrinted() throws Exception {
    Files.writeString(
        home.resolve("config.toml"),
        String.join(
            "\n",
            "[providers.anthropic]",
            "api_key = \"${ANTHROPIC_API_KEY}\"",
            "[server]",
            "auth_token = 'tok-very-secret'",
            ""));
    List<AuditFinding> findings =
        SecurityAudit.plaintextSecrets(input(LocalGptConfig.defaults(LocalGptHome.at(home))));

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity()).isEqualTo(Severity.HIGH);
              assertThat(f.what())
                  .isEqualTo("'server.auth_token' is written in plain text in config.toml");
              assertThat(f.where()).endsWith("config.toml:4");
              assertThat(f.fix()).contains("auth_token = \"${AUTH_TOKEN}\"");
              assertThat(f.toString()).doesNotContain("tok-very-secret");
            });
  }

  @Test
  void aServerOffLoopbackNeedsAToken() {
    LocalGptConfig base = LocalGptConfig.defaults(LocalGptHome.at(home));
    assertThat(SecurityAudit.server(base)).isEmpty();
    assertThat(
            SecurityAudit.server(
                with(base, new ServerConfig(true, 1, "0.0.0.0", Optional.empty()))))
        .extracting(AuditFinding::severity)
        .containsExactly(Severity.HIGH);
    assertThat(
            SecurityAudit.server(
                with(base, new ServerConfig(true, 1, "0.0.0.0", Optional.of("t")))))
        .extracting(AuditFinding::severity)
        .containsExactly(Severity.LOW);
  }

  @Test
  void bashNeedsApprovalAndASandbox() {
    ToolsConfig open = new ToolsConfig(1, 1, 1, List.of(), true, List.of(), false);
    assertThat(SecurityAudit.tools(open, false))
        .extracting(AuditFinding::check, AuditFinding::severity)
        .contains(
            org.assertj.core.groups.Tuple.tuple("tool-approval", Severity.HIGH),
            org.assertj.core.groups.Tuple.tuple("shell-sandbox", Severity.MEDIUM));
    ToolsConfig guarded =
        new ToolsConfig(
            1, 1, 1, List.of("bash", "write_file", "edit_file"), true, List.of(), false);
    assertThat(SecurityAudit.tools(guarded, true)).isEmpty();
  }

  @Test
  void lettingShellOrNetworkToolsActAfterUntrustedContentIsFlagged() {
    ToolsConfig all =
        new ToolsConfig(
            1,
            1,
            1,
            List.of("bash", "write_file", "edit_file"),
            true,
            List.of(),
            false,
            List.of("*"));
    assertThat(SecurityAudit.tools(all, true))
        .extracting(AuditFinding::check, AuditFinding::severity)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("untrusted-gate", Severity.MEDIUM));
    ToolsConfig edits =
        new ToolsConfig(
            1,
            1,
            1,
            List.of("bash", "write_file", "edit_file"),
            true,
            List.of(),
            false,
            List.of("edit_file"));
    assertThat(SecurityAudit.tools(edits, true)).isEmpty();
  }

  private static LocalGptConfig with(LocalGptConfig c, ServerConfig server) {
    return new LocalGptConfig(
        c.agent(), c.providers(), c.heartbeat(), c.memory(), server, c.tools(), c.logging());
  }
}

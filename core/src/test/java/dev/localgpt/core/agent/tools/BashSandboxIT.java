package dev.localgpt.core.agent.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.localgpt.core.workspace.PathGuard;
import dev.localgpt.ports.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real confinement by Bubblewrap; runs where /usr/bin/bwrap exists (.ci/run installs it). */
class BashSandboxIT {
  private static final Path BWRAP = Path.of("/usr/bin/bwrap");

  @TempDir Path root;
  private Path home;
  private Path userHome;
  private Path workspace;

  @BeforeEach
  void layout() throws Exception {
    assumeTrue(Files.isExecutable(BWRAP), "bubblewrap is not installed");
    userHome = Files.createDirectories(root.resolve("user"));
    Files.writeString(userHome.resolve(".netrc"), "machine example.org password hunter2");
    home = Files.createDirectories(userHome.resolve(".localgpt"));
    Files.writeString(home.resolve("config.toml"), "api_key = \"sk-test-secret\"\n");
    workspace = Files.createDirectories(home.resolve("workspace"));
  }

  private String run(boolean network, String command) {
    ToolSettings settings =
        ToolSettings.DEFAULTS
            .withBashEnabled(true)
            .withBashSandbox(new BashSandbox(Optional.of(BWRAP), network, List.of(userHome, home)));
    return new BashTool(PathGuard.of(workspace), settings)
        .execute(JsonArgs.of(JsonObject.of("command", command)))
        .text();
  }

  @Test
  void theWorkspaceIsWritableAndTheSystemUsable() throws Exception {
    assertThat(run(false, "echo hi > note.txt && cat note.txt && ls /usr/bin/env"))
        .startsWith("hi\n/usr/bin/env");
    assertThat(workspace.resolve("note.txt")).hasContent("hi");
  }

  @Test
  void theConfigTheRealHomeASecretVariableAndTheNetworkAreOutOfReach() {
    assertThat(run(false, "cat ../config.toml"))
        .contains("No such file")
        .doesNotContain("sk-test-secret");
    assertThat(run(false, "cat " + home.resolve("config.toml"))).contains("No such file");
    assertThat(run(false, "cat " + userHome.resolve(".netrc")))
        .contains("No such file")
        .doesNotContain("hunter2");
    String inherited =
        System.getenv().keySet().stream()
            .filter(
                k ->
                    !List.of("PATH", "HOME", "LANG", "TERM", "PWD", "SHLVL", "_").contains(k)
                        && k.matches("\\w+"))
            .findFirst()
            .orElseThrow();
    assertThat(
            run(false, "echo \"[${" + inherited + "}]\"; env | cut -d= -f1 | sort | tr '\\n' ' '"))
        .as("a variable of the parent process (%s) stays outside", inherited)
        .startsWith("[]\n")
        .doesNotContain(inherited + " ");
    assertThat(run(false, "echo x > /usr/lib/probe 2>&1 || echo read-only")).contains("read-only");
    assertThat(run(false, "exec 3<>/dev/tcp/1.1.1.1/53 && echo connected || echo no-network"))
        .contains("no-network")
        .doesNotContain("connected\n");
    assertThat(run(false, "ls -A " + home))
        .as("the home shows only the workspace")
        .isEqualTo("workspace\n");
  }
}

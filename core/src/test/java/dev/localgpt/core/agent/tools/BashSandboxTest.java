package dev.localgpt.core.agent.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BashSandboxTest {
  private static final Path WS = Path.of("/home/ann/.localgpt/workspace");

  @Test
  void theUnsandboxedNoticeIsGivenOnlyWhenBashIsOnWithoutBwrap() {
    assertThat(BashSandbox.NONE.notice(true)).contains(BashSandbox.UNCONFINED_NOTICE);
    assertThat(BashSandbox.UNCONFINED_NOTICE)
        .contains("bwrap", "unsandboxed", "apt-get install bubblewrap");
    assertThat(BashSandbox.NONE.notice(false)).isEmpty();
    assertThat(
            new BashSandbox(Optional.of(Path.of("/usr/bin/bwrap")), false, List.of()).notice(true))
        .isEmpty();
  }

  @Test
  void withoutBwrapTheCommandRunsInBashDirectly() {
    assertThat(BashSandbox.NONE.argv("ls", WS)).containsExactly("bash", "-c", "ls");
    assertThat(BashSandbox.NONE.sandboxed()).isFalse();
    assertThat(BashSandbox.NONE.describe()).startsWith("not sandboxed");
  }

  @Test
  void withBwrapOnlyTheWorkspaceIsWritableTheSystemReadOnlyAndNoNetwork() {
    BashSandbox sandbox =
        new BashSandbox(
            Optional.of(Path.of("/usr/bin/bwrap")),
            false,
            List.of(Path.of("/home/ann"), Path.of("/home/ann/.localgpt")));

    List<String> argv = sandbox.argv("cat ../config.toml", WS);

    assertThat(argv)
        .startsWith("/usr/bin/bwrap")
        .contains("--unshare-all", "--die-with-parent")
        .doesNotContain("--share-net")
        .endsWith(
            "--bind",
            WS.toString(),
            WS.toString(),
            "--chdir",
            WS.toString(),
            "bash",
            "-c",
            "cat ../config.toml");
    assertThat(String.join(" ", argv))
        .contains("--ro-bind-try /usr /usr", "--ro-bind-try /etc /etc", "--tmpfs /tmp");
    if (java.nio.file.Files.isRegularFile(Path.of("/etc/shadow"))) {
      assertThat(String.join(" ", argv)).contains("--ro-bind-try /dev/null /etc/shadow");
    }
    assertThat(argv.stream().filter(a -> a.startsWith("/home")).toList())
        .as("the homes are never bound, only the workspace")
        .containsOnly(WS.toString());
    assertThat(argv.indexOf("--bind")).isGreaterThan(argv.lastIndexOf("--ro-bind-try"));
    assertThat(sandbox.describe()).contains("sandboxed", "no network");
  }

  @Test
  void networkIsSharedOnlyWhenConfigured() {
    BashSandbox sandbox = new BashSandbox(Optional.of(Path.of("/usr/bin/bwrap")), true, List.of());
    assertThat(sandbox.argv("true", WS)).contains("--share-net");
  }

  @Test
  void aHiddenFolderUnderASystemFolderIsCoveredByAnEmptyTmpfs() {
    BashSandbox sandbox =
        new BashSandbox(
            Optional.of(Path.of("/usr/bin/bwrap")), false, List.of(Path.of("/opt/localgpt")));
    String argv = String.join(" ", sandbox.argv("true", Path.of("/opt/localgpt/workspace")));
    assertThat(argv)
        .contains("--tmpfs /opt/localgpt --bind /opt/localgpt/workspace /opt/localgpt/workspace");
  }

  @Test
  void theEnvironmentIsAnAllowList() {
    Map<String, String> env =
        BashSandbox.environment(
            Map.of(
                "AWS_SECRET_ACCESS_KEY",
                "s",
                "DB_PASSWORD",
                "p",
                "OPENAI_API_KEY",
                "k",
                "LANG",
                "de_DE.UTF-8",
                "HOME",
                "/home/ann",
                "PATH",
                "/home/ann/bin:/usr/bin"),
            WS);

    assertThat(env)
        .containsOnlyKeys("PATH", "HOME", "LANG", "TERM")
        .containsEntry("HOME", WS.toString())
        .containsEntry("LANG", "de_DE.UTF-8")
        .containsEntry("TERM", "dumb");
    assertThat(env.get("PATH")).doesNotContain("/home/ann");
  }
}

package dev.localgpt.core.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceTest {
  @TempDir Path temp;

  @Test
  void firstInitCreatesTheOpenClawLayout() {
    Workspace workspace = new Workspace(temp.resolve("ws"));
    Workspace.InitResult result = workspace.init();
    assertThat(result.created())
        .contains(
            "./",
            "MEMORY.md",
            "HEARTBEAT.md",
            "SOUL.md",
            "USER.md",
            "AGENTS.md",
            "IDENTITY.md",
            "TOOLS.md",
            "memory/",
            "knowledge/",
            "skills/");
    for (String name : WorkspaceTemplates.FILES) {
      assertThat(workspace.root().resolve(name)).isRegularFile().isNotEmptyFile();
    }
    assertThat(workspace.status().complete()).isTrue();
  }

  @Test
  void initIsIdempotent() throws Exception {
    Workspace workspace = new Workspace(temp.resolve("ws"));
    workspace.init();
    String before = Files.readString(workspace.root().resolve("SOUL.md"));
    assertThat(workspace.init().created()).isEmpty();
    assertThat(Files.readString(workspace.root().resolve("SOUL.md"))).isEqualTo(before);
  }

  @Test
  void neverOverwritesWhatTheUserHas() throws Exception {
    Path root = temp.resolve("ws");
    Files.createDirectories(root);
    Files.writeString(root.resolve("MEMORY.md"), "my precious notes\n");
    Files.createDirectories(root.resolve("memory"));
    Workspace.InitResult result = new Workspace(root).init();
    assertThat(Files.readString(root.resolve("MEMORY.md"))).isEqualTo("my precious notes\n");
    assertThat(result.created()).doesNotContain("MEMORY.md", "memory/", "./").contains("SOUL.md");
  }

  @Test
  void doesNotWriteThroughASymlinkThatIsInTheWay() throws Exception {
    Path root = temp.resolve("ws");
    Files.createDirectories(root);
    Path outside = temp.resolve("outside.md");
    Files.createSymbolicLink(root.resolve("USER.md"), outside);
    new Workspace(root).init();
    assertThat(outside).doesNotExist();
  }

  @Test
  void createdDirectoriesAre0700AndFiles0600() throws Exception {
    Workspace workspace = new Workspace(temp.resolve("ws"));
    workspace.init();
    try (Stream<Path> paths = Files.walk(workspace.root())) {
      for (Path path : paths.toList()) {
        String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        assertThat(mode)
            .as(path.toString())
            .isEqualTo(Files.isDirectory(path) ? "rwx------" : "rw-------");
      }
    }
  }

  @Test
  void heartbeatTemplateHasOnlyHeadingsSoHeartbeatsSkip() throws Exception {
    List<String> lines =
        Files.readAllLines(new Workspace(temp.resolve("ws")).init().root().resolve("HEARTBEAT.md"));
    assertThat(lines).allMatch(line -> line.isBlank() || line.matches("^#+(\\s.*)?$"));
  }

  @Test
  void dailyNoteLivesUnderMemoryByDate() {
    Workspace workspace = new Workspace(temp.resolve("ws"));
    assertThat(Workspace.dailyNotePath(LocalDate.of(2026, 3, 7))).isEqualTo("memory/2026-03-07.md");
    assertThat(workspace.dailyNote(LocalDate.of(2026, 3, 7)))
        .isEqualTo(temp.resolve("ws/memory/2026-03-07.md").toAbsolutePath());
  }

  @Test
  void statusReportsMissingPieces() throws Exception {
    Workspace workspace = new Workspace(temp.resolve("ws"));
    assertThat(workspace.status().exists()).isFalse();
    workspace.init();
    Files.writeString(workspace.dailyNote(LocalDate.of(2026, 1, 2)), "# note\n");
    Files.delete(workspace.root().resolve("TOOLS.md"));
    Workspace.Status status = workspace.status();
    assertThat(status.missing()).containsExactly("TOOLS.md");
    assertThat(status.dailyNotes()).isEqualTo(1);
  }
}

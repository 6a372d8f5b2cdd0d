package dev.localgpt.core.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PathGuardTest {
  @TempDir Path temp;
  Path workspace;
  PathGuard guard;

  @BeforeEach
  void setUp() throws Exception {
    workspace = Files.createDirectories(temp.resolve("ws"));
    guard = PathGuard.of(workspace);
  }

  @Test
  void resolvesRelativePathsInsideTheWorkspace() {
    assertThat(guard.resolve("memory/2026-01-01.md"))
        .isEqualTo(workspace.toAbsolutePath().resolve("memory/2026-01-01.md"));
    assertThat(guard.resolve("./MEMORY.md"))
        .isEqualTo(workspace.toAbsolutePath().resolve("MEMORY.md"));
  }

  @Test
  void rejectsDotDotEvenWhenItWouldStayInside() {
    assertThatThrownBy(() -> guard.resolve("../secret"))
        .isInstanceOf(PathEscapeException.class)
        .hasMessageContaining("'..' is not allowed");
    assertThatThrownBy(() -> guard.resolve("memory/../MEMORY.md"))
        .isInstanceOf(PathEscapeException.class);
  }

  @Test
  void rejectsAbsoluteAndHomePaths() {
    assertThatThrownBy(() -> guard.resolve("/etc/passwd"))
        .isInstanceOf(PathEscapeException.class)
        .hasMessageContaining("absolute path");
    assertThatThrownBy(() -> guard.resolve("~/.ssh/id_rsa"))
        .isInstanceOf(PathEscapeException.class);
    assertThatThrownBy(() -> guard.resolve(" "))
        .isInstanceOf(PathEscapeException.class)
        .hasMessageContaining("empty path");
  }

  @Test
  void rejectsASymlinkThatLeadsOutside() throws Exception {
    Path outside = Files.createDirectories(temp.resolve("outside"));
    Files.writeString(outside.resolve("secret.md"), "x");
    Files.createSymbolicLink(workspace.resolve("link"), outside);
    Files.createSymbolicLink(workspace.resolve("file-link.md"), outside.resolve("secret.md"));
    assertThatThrownBy(() -> guard.resolve("link/secret.md"))
        .isInstanceOf(PathEscapeException.class)
        .hasMessageContaining("outside the workspace");
    assertThatThrownBy(() -> guard.resolve("link/new-file.md"))
        .isInstanceOf(PathEscapeException.class);
    assertThatThrownBy(() -> guard.resolve("file-link.md")).isInstanceOf(PathEscapeException.class);
    assertThat(guard.contains(workspace.resolve("link/secret.md"))).isFalse();
  }

  @Test
  void rejectsADanglingSymlinkThatPointsOutside() throws Exception {
    Files.createSymbolicLink(workspace.resolve("trap.md"), temp.resolve("not-yet-there.md"));
    assertThatThrownBy(() -> guard.resolve("trap.md")).isInstanceOf(PathEscapeException.class);
  }

  @Test
  void allowsASymlinkThatStaysInside() throws Exception {
    Files.createDirectories(workspace.resolve("notes"));
    Files.createSymbolicLink(workspace.resolve("alias"), workspace.resolve("notes"));
    assertThat(guard.resolve("alias/today.md"))
        .isEqualTo(workspace.toAbsolutePath().resolve("alias/today.md"));
  }

  @Test
  void extraRootsAreAllowedForSymlinkTargets() throws Exception {
    Path extra = Files.createDirectories(temp.resolve("extra"));
    Files.createSymbolicLink(workspace.resolve("shared"), extra);
    PathGuard withExtra = new PathGuard(List.of(workspace, extra));
    assertThat(withExtra.resolve("shared/x.md")).isNotNull();
    assertThatThrownBy(() -> guard.resolve("shared/x.md")).isInstanceOf(PathEscapeException.class);
  }

  @Test
  void relativizeGivesSlashSeparatedWorkspacePaths() {
    assertThat(guard.relativize(guard.resolve("memory/a.md"))).isEqualTo("memory/a.md");
  }
}

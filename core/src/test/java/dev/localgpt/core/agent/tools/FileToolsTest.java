package dev.localgpt.core.agent.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localgpt.core.workspace.PathEscapeException;
import dev.localgpt.core.workspace.PathGuard;
import dev.localgpt.ports.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileToolsTest {
  @TempDir Path workspace;
  @TempDir Path outside;
  private PathGuard guard;

  @BeforeEach
  void setUp() {
    guard = PathGuard.of(workspace);
  }

  /** Arguments from name/value pairs (strings, integers or booleans). */
  private static JsonArgs args(Object... pairs) {
    JsonObject.Builder b = JsonObject.builder();
    for (int i = 0; i < pairs.length; i += 2) {
      String name = (String) pairs[i];
      switch (pairs[i + 1]) {
        case Integer n -> b.put(name, n);
        case Boolean v -> b.put(name, v);
        default -> b.put(name, (String) pairs[i + 1]);
      }
    }
    return JsonArgs.of(b.build());
  }

  @Test
  void readFileNumbersLinesAndPagesWithOffsetAndLimit() throws Exception {
    Files.writeString(workspace.resolve("notes.md"), "one\ntwo\nthree\nfour\n");
    ReadFileTool read = new ReadFileTool(guard);
    assertThat(read.execute(args("path", "notes.md")).text())
        .isEqualTo("   1\tone\n   2\ttwo\n   3\tthree\n   4\tfour\n");
    assertThat(read.execute(args("path", "notes.md", "offset", 1, "limit", 2)).text())
        .isEqualTo("   2\ttwo\n   3\tthree\n[1 more lines; use offset=3]\n");
    assertThatThrownBy(() -> read.execute(args("path", "missing.md")))
        .isInstanceOf(ToolException.class)
        .hasMessageContaining("file not found: missing.md");
  }

  @Test
  void fileToolsRefuseDotDotAbsoluteAndSymlinkEscapes() throws Exception {
    Files.writeString(outside.resolve("secret.txt"), "top secret");
    Files.createSymbolicLink(workspace.resolve("link"), outside);
    ReadFileTool read = new ReadFileTool(guard);
    WriteFileTool write = new WriteFileTool(guard);

    assertThatThrownBy(() -> read.execute(args("path", "../secret.txt")))
        .isInstanceOf(PathEscapeException.class)
        .hasMessageContaining("'..' is not allowed");
    assertThatThrownBy(() -> read.execute(args("path", outside.resolve("secret.txt").toString())))
        .isInstanceOf(PathEscapeException.class)
        .hasMessageContaining("absolute path");
    assertThatThrownBy(() -> read.execute(args("path", "link/secret.txt")))
        .isInstanceOf(PathEscapeException.class)
        .hasMessageContaining("outside the workspace");
    assertThatThrownBy(() -> write.execute(args("path", "link/new.txt", "content", "x")))
        .isInstanceOf(PathEscapeException.class);
    assertThat(outside.resolve("new.txt")).doesNotExist();
  }

  @Test
  void writeFileCreatesParentsAndReportsBytes() throws Exception {
    ToolOutcome out =
        new WriteFileTool(guard).execute(args("path", "memory/2025-01-02.md", "content", "héllo"));
    assertThat(out.text()).isEqualTo("Successfully wrote 6 bytes to memory/2025-01-02.md");
    assertThat(workspace.resolve("memory/2025-01-02.md")).hasContent("héllo");
    try (var files = Files.list(workspace.resolve("memory"))) {
      assertThat(files).hasSize(1);
    }
  }

  @Test
  void writeFileRefusesTheProtectedPolicyFile() {
    assertThatThrownBy(
            () -> new WriteFileTool(guard).execute(args("path", "LocalGPT.md", "content", "x")))
        .isInstanceOf(ToolException.class)
        .hasMessageContaining("protected");
  }

  @Test
  void editFileReplacesAUniqueMatch() throws Exception {
    Files.writeString(workspace.resolve("MEMORY.md"), "- likes tea\n- lives in Oslo\n");
    ToolOutcome out =
        new EditFileTool(guard)
            .execute(args("path", "MEMORY.md", "old_string", "Oslo", "new_string", "Bergen"));
    assertThat(out.text()).isEqualTo("Replaced 1 occurrence(s) in MEMORY.md");
    assertThat(workspace.resolve("MEMORY.md")).hasContent("- likes tea\n- lives in Bergen\n");
  }

  @Test
  void editFileRefusesNonUniqueOrMissingMatchAndLeavesTheFileAlone() throws Exception {
    Files.writeString(workspace.resolve("a.md"), "x y x");
    EditFileTool edit = new EditFileTool(guard);
    assertThatThrownBy(
            () -> edit.execute(args("path", "a.md", "old_string", "x", "new_string", "z")))
        .hasMessageContaining("occurs 2 times")
        .hasMessageContaining("replace_all");
    assertThatThrownBy(
            () -> edit.execute(args("path", "a.md", "old_string", "q", "new_string", "z")))
        .hasMessageContaining("old_string not found in file a.md");
    assertThat(workspace.resolve("a.md")).hasContent("x y x");
    assertThat(
            edit.execute(
                    args("path", "a.md", "old_string", "x", "new_string", "z", "replace_all", true))
                .text())
        .isEqualTo("Replaced 2 occurrence(s) in a.md");
    assertThat(workspace.resolve("a.md")).hasContent("z y z");
  }
}

package dev.localgpt.core.agent.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localgpt.core.agent.StubMemorySearch;
import dev.localgpt.core.workspace.PathGuard;
import dev.localgpt.ports.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemoryToolsTest {
  @TempDir Path workspace;

  @Test
  void memorySearchAnswersOpenClawJsonThatParsesBack() {
    StubMemorySearch memory =
        new StubMemorySearch()
            .add("MEMORY.md", 3, 5, 0.81234, "User prefers \"green\" tea\nevery morning")
            .add("memory/2025-01-02.md", 1, 2, 0.4, "tea with Ana");
    ToolOutcome out =
        new MemorySearchTool(memory)
            .execute(
                JsonArgs.of(JsonObject.builder().put("query", "tea").put("maxResults", 1).build()));

    assertThat(out.text())
        .isEqualTo(
            "{\"results\":[{\"path\":\"MEMORY.md\",\"startLine\":3,\"endLine\":5,"
                + "\"score\":0.8123,\"snippet\":\"User prefers \\\"green\\\" tea\\nevery morning\",\"source\":\"memory\"}]}");
    assertThat(memory.options.get(0).limit()).isEqualTo(1);
  }

  @Test
  void memorySearchPassesMinScoreAndCapsMaxResults() {
    StubMemorySearch memory = new StubMemorySearch().add("MEMORY.md", 1, 1, 0.2, "tea");
    String text =
        new MemorySearchTool(memory)
            .execute(
                JsonArgs.of(
                    JsonObject.builder()
                        .put("query", "tea")
                        .put("maxResults", 500)
                        .put("minScore", 0.5)
                        .build()))
            .text();
    assertThat(text).isEqualTo("{\"results\":[]}");
    assertThat(memory.options.get(0).limit()).isEqualTo(100);
    assertThat(memory.options.get(0).minScore()).isEqualTo(0.5);
  }

  @Test
  void memoryGetReturnsTheLineRange() throws Exception {
    Files.createDirectories(workspace.resolve("memory"));
    Files.writeString(workspace.resolve("memory/2025-01-02.md"), "a\nb\nc\nd\n");
    ToolOutcome out =
        new MemoryGetTool(PathGuard.of(workspace))
            .execute(
                JsonArgs.of(
                    JsonObject.builder()
                        .put("path", "memory/2025-01-02.md")
                        .put("from", 2)
                        .put("lines", 2)
                        .build()));
    assertThat(out.text()).isEqualTo("# memory/2025-01-02.md (lines 2-3 of 4)\n   2\tb\n   3\tc\n");
  }

  @Test
  void memoryGetOnlyReadsMemoryMarkdown() throws Exception {
    Files.writeString(workspace.resolve("notes.txt"), "x");
    Files.writeString(workspace.resolve("SOUL.md"), "x");
    MemoryGetTool get = new MemoryGetTool(PathGuard.of(workspace));
    for (String path : List.of("notes.txt", "SOUL.md", "memory/x.txt", "../MEMORY.md")) {
      assertThatThrownBy(() -> get.execute(JsonArgs.of(JsonObject.of("path", path))))
          .as(path)
          .isInstanceOf(RuntimeException.class);
    }
    assertThat(MemoryGetTool.allowed("knowledge/recipes/soup.md")).isTrue();
    assertThat(get.execute(JsonArgs.of(JsonObject.of("path", "MEMORY.md"))).text())
        .contains("does not exist");
  }

  @Test
  void memoryGetRefusesSymlinks(@TempDir Path outside) throws Exception {
    Files.writeString(outside.resolve("x.md"), "secret");
    Files.createDirectories(workspace.resolve("memory"));
    Files.createSymbolicLink(workspace.resolve("memory/x.md"), outside.resolve("x.md"));
    assertThatThrownBy(
            () ->
                new MemoryGetTool(PathGuard.of(workspace))
                    .execute(JsonArgs.of(JsonObject.of("path", "memory/x.md"))))
        .isInstanceOf(RuntimeException.class);
  }
}

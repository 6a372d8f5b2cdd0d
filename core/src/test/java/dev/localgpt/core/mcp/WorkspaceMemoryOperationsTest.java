package dev.localgpt.core.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localgpt.core.agent.StubMemorySearch;
import dev.localgpt.core.workspace.PathGuard;
import dev.localgpt.ports.memory.IndexStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceMemoryOperationsTest {
  @TempDir Path workspace;
  private final AtomicInteger changes = new AtomicInteger();
  private WorkspaceMemoryOperations memory;

  @BeforeEach
  void setUp() throws Exception {
    Files.createDirectories(workspace.resolve("memory"));
    Files.writeString(workspace.resolve("MEMORY.md"), "# Memory\nline two\nline three\n");
    Files.writeString(workspace.resolve("secret.md"), "not memory\n");
    // 23:30 UTC on Jan 31 is already Feb 1 in Tokyo: the daily note follows the user's zone
    Clock clock = Clock.fixed(Instant.parse("2026-01-31T23:30:00Z"), ZoneId.of("UTC"));
    memory =
        new WorkspaceMemoryOperations(
            new StubMemorySearch(),
            PathGuard.of(workspace),
            () -> new IndexStats(3, 7, 5, 4096, "all-MiniLM-L6-v2", "java"),
            clock,
            ZoneId.of("Asia/Tokyo"),
            changes::incrementAndGet);
  }

  @Test
  void getReadsNumberedLinesOfMemoryFilesOnly() {
    assertThat(memory.get("MEMORY.md", 2, 2))
        .startsWith("# MEMORY.md (lines 2-3 of 3)")
        .contains("line two")
        .contains("line three");
    assertThatThrownBy(() -> memory.get("../outside.md", 1, 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> memory.get("memory/../../outside.md", 1, 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> memory.get("secret.md", 1, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("memory_get reads only");
  }

  @Test
  void appendAddsToTodaysDailyNoteInTheUsersZoneWithoutRewritingIt() throws Exception {
    Path note = workspace.resolve("memory/2026-02-01.md");
    Files.writeString(note, "# 2026-02-01\nearlier line");

    String reply = memory.append("- bought oat milk");
    memory.append("- called Sam\n");

    assertThat(reply).isEqualTo("Appended 17 characters to memory/2026-02-01.md.");
    assertThat(Files.readString(note))
        .isEqualTo("# 2026-02-01\nearlier line\n- bought oat milk\n- called Sam\n");
    assertThat(changes).hasValue(2);
    assertThatThrownBy(() -> memory.append("  ")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void searchAndStatsAnswerJson() {
    assertThat(memory.search("cat", 5, Optional.empty())).startsWith("{\"results\":[");
    assertThatThrownBy(() -> memory.search(" ", 5, Optional.empty()))
        .hasMessageContaining("'query'");
    assertThatThrownBy(() -> memory.search("cat", 0, Optional.empty()))
        .hasMessageContaining("'limit'");
    assertThat(memory.stats())
        .isEqualTo(
            "{\"files\":3,\"chunks\":7,\"embeddedChunks\":5,\"sizeBytes\":4096,"
                + "\"embeddingModel\":\"all-MiniLM-L6-v2\",\"vectorBackend\":\"java\"}");
  }
}

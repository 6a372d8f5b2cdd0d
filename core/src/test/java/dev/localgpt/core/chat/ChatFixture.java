package dev.localgpt.core.chat;

import dev.localgpt.core.memory.InMemoryMemory;
import dev.localgpt.core.memory.MemoryService;
import dev.localgpt.core.workspace.PathGuard;
import dev.localgpt.ports.llm.ChatModel;
import dev.localgpt.ports.session.InMemorySessionStore;
import dev.localgpt.ports.session.TickingClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * A temp workspace with a little memory, an in-memory index and session store, and a ticking clock.
 */
final class ChatFixture {
  static final String TODAY = "2026-03-01";

  final Path workspace;
  final TickingClock clock =
      new TickingClock(Instant.parse(TODAY + "T10:15:00Z"), Duration.ofSeconds(1));
  final InMemorySessionStore store = new InMemorySessionStore(clock);
  final MemoryService memory;

  ChatFixture(Path workspace) {
    this.workspace = workspace;
    try {
      Files.createDirectories(workspace.resolve("memory"));
      Files.writeString(
          workspace.resolve("MEMORY.md"), "# Memory\n\nThe user owns a serval named Pix.\n");
      Files.writeString(workspace.resolve("memory/2026-02-27.md"), "Bought a telescope today.\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    memory = InMemoryMemory.service(workspace, clock);
    memory.index();
  }

  ChatSetup.Builder setup(ChatModel model) {
    return ChatSetup.builder()
        .model(model)
        .sessions(store)
        .memory(memory)
        .workspace(PathGuard.of(workspace))
        .clock(clock)
        .zone(ZoneOffset.UTC);
  }

  Path note(String relative) {
    return workspace.resolve(relative);
  }
}

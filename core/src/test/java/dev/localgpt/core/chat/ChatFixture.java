package dev.localgpt.core.chat;

import dev.localgpt.core.memory.IndexRoots;
import dev.localgpt.core.memory.MarkdownChunker;
import dev.localgpt.core.memory.MemoryIndexer;
import dev.localgpt.core.memory.MemoryIndexes;
import dev.localgpt.core.memory.MemoryService;
import dev.localgpt.core.memory.SearchSettings;
import dev.localgpt.core.workspace.PathGuard;
import dev.localgpt.ports.embedding.HashingEmbedder;
import dev.localgpt.ports.llm.ChatModel;
import dev.localgpt.ports.memory.InMemoryMemoryIndex;
import dev.localgpt.ports.memory.MemoryIndex;
import dev.localgpt.ports.session.InMemorySessionStore;
import dev.localgpt.ports.session.TickingClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

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
    HashingEmbedder embedder = new HashingEmbedder();
    MemoryIndex index = new InMemoryMemoryIndex();
    MemoryIndexes indexes =
        new MemoryIndexes() {
          @Override
          public MemoryIndex open() {
            return index;
          }

          @Override
          public MemoryIndex recreate() {
            return index;
          }
        };
    MemoryIndexer indexer =
        new MemoryIndexer(
            IndexRoots.of(workspace), new MarkdownChunker(), Optional.of(embedder), 32);
    memory =
        new MemoryService(
            indexes, indexer, Optional.of(embedder), SearchSettings.defaults(), clock);
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

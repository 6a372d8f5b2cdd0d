package dev.localgpt.app.daemon;

import dev.localgpt.core.memory.MemoryService;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One memory the daemon keeps up to date: the folders it watches and the service that re-indexes
 * them.
 *
 * @param name empty for the home's owner, the {@code [[server.users]]} name otherwise (log lines
 *     carry it)
 * @param roots the folders to watch: the workspace first, then extra index roots
 * @param memory the memory service, opened on first use
 */
public record WatchedMemory(String name, List<Path> roots, Supplier<MemoryService> memory) {
  public WatchedMemory {
    Objects.requireNonNull(name, "'name' must not be null");
    roots = List.copyOf(roots);
    Objects.requireNonNull(memory, "'memory' must not be null");
  }

  /** The owner's memory. */
  public static WatchedMemory owner(List<Path> roots, Supplier<MemoryService> memory) {
    return new WatchedMemory("", roots, memory);
  }

  /** What log lines about this memory start with: nothing for the owner, {@code [name] } else. */
  String logPrefix() {
    return name.isEmpty() ? "" : "[" + name + "] ";
  }
}

package dev.localgpt.app.daemon;

import dev.localgpt.server.LocalGptServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a {@link Daemon} runs, taken from the one graph by the app that starts it.
 *
 * @param home the LocalGPT home (pid file and lock live there)
 * @param serverSource the HTTP server to start, or empty when {@code server.enabled = false};
 *     called once
 * @param memories the memories to watch and re-index: the owner's first, then the {@code
 *     [[server.users]]}' (each user's workspace and the workspaces she reads)
 * @param version the LocalGPT version, for the pid file and status
 * @param closeResources closes the index and the model at the end (e.g. the injector's memory
 *     stack)
 */
public record DaemonSetup(
    Path home,
    Supplier<Optional<LocalGptServer>> serverSource,
    List<WatchedMemory> memories,
    String version,
    Runnable closeResources) {
  public DaemonSetup {
    Objects.requireNonNull(home, "'home' must not be null");
    Objects.requireNonNull(serverSource, "'serverSource' must not be null");
    memories = List.copyOf(memories);
    if (memories.isEmpty()) {
      throw new IllegalArgumentException("a daemon watches at least the owner's memory");
    }
    Objects.requireNonNull(version, "'version' must not be null");
    Objects.requireNonNull(closeResources, "'closeResources' must not be null");
  }

  Optional<LocalGptServer> server() {
    return serverSource.get();
  }
}

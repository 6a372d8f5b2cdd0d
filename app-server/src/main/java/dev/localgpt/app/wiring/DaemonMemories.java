package dev.localgpt.app.wiring;

import com.google.inject.Inject;
import com.google.inject.Provider;
import dev.localgpt.app.daemon.WatchedMemory;
import dev.localgpt.core.config.LocalGptConfig;
import dev.localgpt.core.config.ServerUser;
import dev.localgpt.core.memory.IndexRoots;
import dev.localgpt.core.memory.MemoryService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The memories a daemon keeps up to date: the owner's, then each {@code [[server.users]]} entry's
 * (her workspace and the workspaces she reads, re-indexed into her own index). A user's graph is
 * built when her memory is first re-indexed, i.e. as the daemon starts.
 */
public final class DaemonMemories {
  private final LocalGptConfig config;
  private final Provider<MemoryService> owner;
  private final Provider<UserGraphs> users;

  @Inject
  DaemonMemories(LocalGptConfig config, Provider<MemoryService> owner, Provider<UserGraphs> users) {
    this.config = config;
    this.owner = owner;
    this.users = users;
  }

  /** The owner's memory first, then the users' in config order. */
  public List<WatchedMemory> all() {
    List<WatchedMemory> memories = new ArrayList<>();
    memories.add(WatchedMemory.owner(roots(config), owner::get));
    for (ServerUser user : config.server().users()) {
      memories.add(
          new WatchedMemory(
              user.name(),
              roots(UserModule.config(config, user)),
              () -> Wiring.get(users.get().graph(user.name()), MemoryService.class)));
    }
    return memories;
  }

  private static List<Path> roots(LocalGptConfig config) {
    IndexRoots roots = MemoryComponents.roots(config.memory());
    List<Path> watch = new ArrayList<>();
    watch.add(roots.workspace());
    roots.extraRoots().forEach(r -> watch.add(r.root()));
    return watch;
  }
}

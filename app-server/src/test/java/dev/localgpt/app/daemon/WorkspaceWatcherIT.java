package dev.localgpt.app.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localgpt.core.memory.watch.ChangeDebouncer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JDK WatchService part: recursive, new folders, hidden folders and non-Markdown ignored, whole
 * bursts.
 */
class WorkspaceWatcherIT {
  @TempDir Path root;

  private final List<List<Path>> batches = new CopyOnWriteArrayList<>();
  private final List<Exception> errors = new CopyOnWriteArrayList<>();

  @Test
  void reportsEveryMarkdownFileOfABurstIncludingThoseInNewFolders() throws Exception {
    Files.createDirectories(root.resolve("memory"));
    Files.createDirectories(root.resolve(".git"));
    try (WorkspaceWatcher watcher = watcher()) {
      assertThat(watcher.watchedFolders()).isEqualTo(2); // the root and memory/, not .git/

      Files.writeString(root.resolve("memory/a.md"), "a");
      Files.writeString(root.resolve("MEMORY.md"), "b");
      Files.writeString(root.resolve("notes.txt"), "not markdown");
      Files.writeString(root.resolve(".git/x.md"), "hidden");
      Path deep = Files.createDirectories(root.resolve("knowledge/garden/2026"));
      Files.writeString(deep.resolve("c.md"), "c");

      Set<Path> expected =
          Set.of(root.resolve("memory/a.md"), root.resolve("MEMORY.md"), deep.resolve("c.md"));
      waitUntil(() -> reported().containsAll(expected));
      assertThat(reported()).doesNotContain(root.resolve("notes.txt"), root.resolve(".git/x.md"));

      Files.writeString(deep.resolve("d.md"), "written after the folder was registered");
      waitUntil(() -> reported().contains(deep.resolve("d.md")));
    }
    assertThat(errors).isEmpty();
  }

  private WorkspaceWatcher watcher() {
    ChangeDebouncer debouncer =
        new ChangeDebouncer(Duration.ofMillis(300), Duration.ofSeconds(2), Clock.systemUTC());
    return new WorkspaceWatcher(List.of(root), debouncer, batches::add, errors::add).start();
  }

  private List<Path> reported() {
    List<Path> all = new ArrayList<>();
    batches.forEach(all::addAll);
    return all;
  }

  private static void waitUntil(java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("not reported within a minute").isLessThan(deadline);
      Thread.sleep(50);
    }
  }
}

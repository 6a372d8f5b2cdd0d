package dev.localgpt.app.daemon;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import dev.localgpt.core.memory.watch.ChangeDebouncer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches folders recursively (including folders created later; hidden ones are skipped, as the
 * indexer skips them) with the JDK {@link WatchService} and hands every Markdown path of a burst to
 * {@code onBatch}, once the {@link ChangeDebouncer} says the burst is over. Created, modified and
 * deleted files all count; when the watch service overflows, the root itself is reported (a full
 * incremental scan finds the rest). {@code onBatch} runs on the watcher's own thread, one batch at
 * a time; what it throws is reported to {@code onError} and the watching goes on.
 */
public final class WorkspaceWatcher implements AutoCloseable {
  private static final Duration IDLE_POLL = Duration.ofSeconds(60);

  private final List<Path> roots;
  private final ChangeDebouncer debouncer;
  private final Consumer<List<Path>> onBatch;
  private final Consumer<Exception> onError;
  private final WatchService watchService;
  private final Map<WatchKey, Path> keys = new ConcurrentHashMap<>();
  private final Thread thread;
  private volatile boolean running = true;

  public WorkspaceWatcher(
      List<Path> roots,
      ChangeDebouncer debouncer,
      Consumer<List<Path>> onBatch,
      Consumer<Exception> onError) {
    this.roots = List.copyOf(roots);
    this.debouncer = debouncer;
    this.onBatch = onBatch;
    this.onError = onError;
    try {
      this.watchService = FileSystems.getDefault().newWatchService();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot watch the workspace: " + e.getMessage(), e);
    }
    this.thread = new Thread(this::loop, "localgpt-watcher");
    thread.setDaemon(true);
  }

  /** Registers every folder under the roots (those that exist), then starts the watching thread. */
  public WorkspaceWatcher start() {
    for (Path root : roots) {
      if (Files.isDirectory(root)) {
        registerTree(root, false);
      }
    }
    thread.start();
    return this;
  }

  /** How many folders are watched. */
  public int watchedFolders() {
    return keys.size();
  }

  private void loop() {
    try {
      while (running) {
        Duration wait = debouncer.timeUntilDue().orElse(IDLE_POLL);
        WatchKey key = watchService.poll(Math.max(1, wait.toMillis()), TimeUnit.MILLISECONDS);
        if (key != null) {
          handle(key);
        }
        List<Path> batch = debouncer.takeIfDue();
        if (!batch.isEmpty()) {
          try {
            onBatch.accept(batch);
          } catch (RuntimeException e) {
            onError.accept(e);
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ClosedWatchServiceException e) {
      // closed: the daemon stops
    }
  }

  private void handle(WatchKey key) {
    Path dir = keys.get(key);
    for (WatchEvent<?> event : key.pollEvents()) {
      if (event.kind() == OVERFLOW || dir == null) {
        roots.forEach(debouncer::changed);
        continue;
      }
      Path child = dir.resolve((Path) event.context());
      if (event.kind() == ENTRY_CREATE && Files.isDirectory(child) && !hidden(child)) {
        registerTree(child, true);
      } else if (isMarkdown(child)) {
        debouncer.changed(child);
      }
    }
    if (!key.reset()) {
      keys.remove(key);
    }
  }

  /**
   * Registers {@code top} and the folders below it; {@code fresh}: report the Markdown already in
   * them.
   */
  private void registerTree(Path top, boolean fresh) {
    try {
      Files.walkFileTree(
          top,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              if (!dir.equals(top) && hidden(dir)) {
                return FileVisitResult.SKIP_SUBTREE;
              }
              register(dir);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (fresh && isMarkdown(file)) {
                debouncer.changed(file);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      onError.accept(new IOException("cannot watch " + top + ": " + e.getMessage(), e));
    }
  }

  private void register(Path dir) {
    try {
      keys.put(dir.register(watchService, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE), dir);
    } catch (IOException e) {
      onError.accept(new IOException("cannot watch " + dir + ": " + e.getMessage(), e));
    }
  }

  private static boolean hidden(Path p) {
    Path name = p.getFileName();
    return name != null && name.toString().startsWith(".");
  }

  static boolean isMarkdown(Path p) {
    Path name = p.getFileName();
    return name != null
        && name.toString().toLowerCase(Locale.ROOT).endsWith(".md")
        && !name.toString().startsWith(".");
  }

  /** Stops watching; a batch being indexed finishes first. */
  @Override
  public void close() {
    running = false;
    try {
      watchService.close();
      thread.join(Duration.ofSeconds(30).toMillis());
    } catch (IOException e) {
      // closing a watch service does not fail in practice; nothing to recover
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package dev.localgpt.app.daemon;

import dev.localgpt.core.memory.IndexListener;
import dev.localgpt.core.memory.IndexReport;
import dev.localgpt.core.memory.MemoryService;
import dev.localgpt.core.memory.watch.ChangeDebouncer;
import dev.localgpt.server.LocalGptServer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * One daemon process: holds the home's daemon lock, serves HTTP (unless {@code server.enabled =
 * false}), announces itself in the {@link PidFile}, indexes each {@link WatchedMemory} (the owner's
 * workspace and each server user's) once and then re-indexes whatever its {@link WorkspaceWatcher}
 * reports. {@link #stop()} (run by the shutdown hook on SIGTERM) stops watching, lets in-flight
 * requests finish within the server's grace period, closes the index and removes the pid file.
 */
public final class Daemon {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

  private final DaemonSetup setup;
  private final PrintStream log;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private DaemonLock lock;
  private LocalGptServer server;
  private final List<WorkspaceWatcher> watchers = new ArrayList<>();
  private Optional<IdleHeapTrim> heapTrim = Optional.empty();
  private boolean running;

  public Daemon(DaemonSetup setup, PrintStream log) {
    this.setup = setup;
    this.log = log;
  }

  /**
   * Starts everything and writes the pid file; returns what it wrote.
   *
   * @throws DaemonRunningException when another daemon holds this home
   */
  public synchronized DaemonInfo start() {
    PidFile pidFile = PidFile.in(setup.home());
    lock =
        DaemonLock.acquire(setup.home())
            .orElseThrow(() -> new DaemonRunningException(pidFile.running()));
    try {
      pidFile.deleteStale();
      Optional<LocalGptServer> maybeServer = setup.server();
      server = maybeServer.map(LocalGptServer::start).orElse(null);
      String bind = server == null ? "-" : server.settings().bind();
      DaemonInfo info =
          new DaemonInfo(
              ProcessHandle.current().pid(),
              bind,
              server == null ? 0 : server.port(),
              Instant.now(),
              setup.version());
      pidFile.write(info);
      int folders = 0;
      for (WatchedMemory memory : setup.memories()) {
        folders += watch(memory);
      }
      heapTrim = IdleHeapTrim.startIfSerial(server == null ? () -> 0 : server::requestsReceived);
      running = true;
      log(
          "daemon started: pid "
              + info.pid()
              + (server == null
                  ? ", HTTP server disabled (server.enabled = false)"
                  : ", listening on " + info.baseUrl())
              + ", watching "
              + folders
              + " folders"
              + (setup.memories().size() > 1
                  ? " (" + (setup.memories().size() - 1) + " users' workspaces among them)"
                  : "")
              + ", version "
              + info.version());
      return info;
    } catch (RuntimeException e) {
      stop();
      throw e;
    }
  }

  /** Blocks until {@link #stop()} has finished. */
  public void awaitStop() throws InterruptedException {
    stopped.await();
  }

  /**
   * Stops watching, stops the server (in-flight requests finish first), closes the index, removes
   * the pid file.
   */
  public synchronized void stop() {
    if (lock == null) {
      return;
    }
    boolean wasRunning = running;
    running = false;
    try {
      watchers.forEach(WorkspaceWatcher::close);
      watchers.clear();
      heapTrim.ifPresent(IdleHeapTrim::close);
      heapTrim = Optional.empty();
      if (server != null) {
        server.stop();
      }
      setup.closeResources().run();
    } finally {
      PidFile.in(setup.home()).deleteIfOwnedBy(ProcessHandle.current().pid());
      lock.release();
      lock = null;
      if (wasRunning) {
        log("daemon stopped");
      }
      log.flush();
      stopped.countDown();
    }
  }

  /**
   * Opens {@code memory} (which creates a missing workspace), starts watching its folders and
   * queues a first full incremental index of them; returns how many folders are watched. A user's
   * memory that cannot open is logged and left unwatched; the owner's stops the start.
   */
  private int watch(WatchedMemory memory) {
    try {
      memory.memory().get();
    } catch (RuntimeException e) {
      if (memory.name().isEmpty()) {
        throw e;
      }
      log(memory.logPrefix() + "not watched: her memory cannot open: " + e.getMessage());
      return 0;
    }
    ChangeDebouncer debouncer =
        new ChangeDebouncer(
            ChangeDebouncer.DEFAULT_QUIET, ChangeDebouncer.DEFAULT_MAX_DELAY, Clock.systemUTC());
    // the first batch is a full incremental index of everything (found by the scan, not by an
    // event); queued before the watching thread starts, which would otherwise sleep up to a
    // minute on an idle folder before taking it
    memory.roots().stream().findFirst().ifPresent(debouncer::changed);
    WorkspaceWatcher watcher =
        new WorkspaceWatcher(
                memory.roots(),
                debouncer,
                batch -> reindex(memory, batch),
                e -> log(memory.logPrefix() + "watcher: " + e.getMessage()))
            .start();
    watchers.add(watcher);
    return watcher.watchedFolders();
  }

  /** Keyword rows of the changed notes first (searchable at once), then their embeddings. */
  private void reindex(WatchedMemory watched, List<Path> batch) {
    MemoryService memory = watched.memory().get();
    String prefix = watched.logPrefix();
    IndexListener listener =
        new IndexListener() {
          @Override
          public void onProgress(dev.localgpt.core.memory.IndexProgress progress) {}

          @Override
          public void onWarning(String warning) {
            log(prefix + "index: " + warning);
          }
        };
    IndexReport report = memory.update(Duration.ZERO, listener);
    IndexReport vectors = memory.index(false, listener);
    if (report.filesIndexed() + report.filesDeleted() > 0 || batch.size() > 1) {
      log(
          prefix
              + String.format(
                  Locale.ROOT,
                  "re-indexed after %d change(s) (%s): %d files updated, %d removed, %d chunks,"
                      + " %d embedded in %d ms",
                  batch.size(),
                  names(batch),
                  report.filesIndexed(),
                  report.filesDeleted(),
                  report.chunks(),
                  report.embedded() + vectors.embedded(),
                  report.duration().plus(vectors.duration()).toMillis()));
    }
  }

  private static String names(List<Path> batch) {
    String joined =
        batch.stream()
            .limit(5)
            .map(p -> String.valueOf(p.getFileName()))
            .collect(Collectors.joining(", "));
    return batch.size() > 5 ? joined + ", ..." : joined;
  }

  private void log(String message) {
    log.println(LocalDateTime.now().format(TIME) + " " + message);
    log.flush();
  }
}

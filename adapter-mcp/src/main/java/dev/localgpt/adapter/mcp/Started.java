package dev.localgpt.adapter.mcp;

import io.modelcontextprotocol.spec.McpClientTransport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A transport as opened for one run of a server: for stdio, the process found for it (to stop its
 * tree and notice its death) and the last lines it wrote to stderr (for the failure message).
 */
final class Started {
  private static final System.Logger LOG = System.getLogger(Started.class.getName());
  private static final int STDERR_LINES = 3;
  private static final Duration WATCH_POLL = Duration.ofMillis(50);

  private final McpClientTransport transport;
  private final McpServerSettings settings;
  private final List<ProcessHandle> processes = new CopyOnWriteArrayList<>();
  private final Deque<String> stderr = new ArrayDeque<>();
  private volatile Instant since;

  private Started(McpClientTransport transport, McpServerSettings settings) {
    this.transport = transport;
    this.settings = settings;
  }

  static Started process(McpClientTransport transport, McpServerSettings settings) {
    return new Started(transport, settings);
  }

  static Started remote(McpClientTransport transport) {
    return new Started(transport, null);
  }

  McpClientTransport transport() {
    return transport;
  }

  /**
   * Looks for the server's process (stdio only) in the background from {@code since} on, for up to
   * {@code within}, and runs {@code action} when it exits, so a server that dies while starting or
   * during a call is noticed at once.
   */
  void watch(Instant since, Duration within, Runnable action) {
    this.since = since;
    if (settings == null) {
      return;
    }
    Thread.ofVirtual()
        .name("mcp-watch-" + settings.name())
        .start(
            () -> {
              long deadline = System.nanoTime() + within.toNanos();
              while (!track() && System.nanoTime() < deadline) {
                try {
                  Thread.sleep(WATCH_POLL.toMillis());
                } catch (InterruptedException e) {
                  return;
                }
              }
              processes.forEach(p -> p.onExit().thenRun(action));
            });
  }

  /** Finds the server's process once it runs; whether it is known. */
  private synchronized boolean track() {
    if (processes.isEmpty() && since != null) {
      ChildProcesses.claim(settings.command(), settings.args(), since).ifPresent(processes::add);
    }
    return !processes.isEmpty();
  }

  boolean exited() {
    return !processes.isEmpty() && processes.stream().noneMatch(ProcessHandle::isAlive);
  }

  void stderr(String line) {
    LOG.log(
        System.Logger.Level.DEBUG, () -> "MCP server '" + settings.name() + "' stderr: " + line);
    synchronized (stderr) {
      stderr.addLast(line);
      while (stderr.size() > STDERR_LINES) {
        stderr.removeFirst();
      }
    }
  }

  /** The last stderr lines as " (stderr: ...)", or empty. */
  String stderrTail() {
    synchronized (stderr) {
      return stderr.isEmpty() ? "" : " (stderr: " + String.join(" | ", stderr) + ")";
    }
  }

  void stop(Duration grace) {
    if (settings != null) {
      track();
    }
    ChildProcesses.stop(processes, grace);
  }
}

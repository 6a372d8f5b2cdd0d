package dev.localgpt.adapter.mcp;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Finds the process the SDK's stdio transport started for a server (it keeps its {@link Process} to
 * itself) and stops it with everything it started in turn, so no server outlives LocalGPT: SIGTERM
 * to the tree, then SIGKILL to what is left after a grace period.
 */
final class ChildProcesses {
  private ChildProcesses() {}

  /**
   * Processes already claimed by a server, so two servers with the same command line each get their
   * own.
   */
  private static final Set<Long> CLAIMED = new HashSet<>();

  /**
   * Claims the oldest unclaimed child of this JVM started at or after {@code since} whose program
   * and arguments are {@code command args}.
   */
  static synchronized Optional<ProcessHandle> claim(
      String command, List<String> args, Instant since) {
    String program = fileName(command);
    Instant from = since.minusSeconds(1);
    Optional<ProcessHandle> found =
        ProcessHandle.current()
            .children()
            .filter(p -> !CLAIMED.contains(p.pid()))
            .filter(p -> p.info().startInstant().map(start -> !start.isBefore(from)).orElse(true))
            .filter(p -> p.info().command().map(c -> fileName(c).equals(program)).orElse(true))
            .filter(p -> p.info().arguments().map(a -> List.of(a).equals(args)).orElse(true))
            .min(Comparator.comparing(p -> p.info().startInstant().orElse(Instant.MIN)));
    found.ifPresent(p -> CLAIMED.add(p.pid()));
    return found;
  }

  private static synchronized void release(ProcessHandle process) {
    CLAIMED.remove(process.pid());
  }

  /**
   * Stops each process and its descendants: TERM, wait up to {@code grace}, then KILL. Never
   * throws.
   */
  static void stop(List<ProcessHandle> processes, Duration grace) {
    List<ProcessHandle> all = new ArrayList<>();
    for (ProcessHandle p : processes) {
      p.descendants().forEach(all::add);
      all.add(p);
    }
    all.forEach(ProcessHandle::destroy);
    processes.forEach(p -> p.onExit().thenRun(() -> release(p)));
    long deadline = System.nanoTime() + grace.toNanos();
    for (ProcessHandle p : all) {
      long left = deadline - System.nanoTime();
      try {
        p.onExit().get(Math.max(0, left), TimeUnit.NANOSECONDS);
      } catch (TimeoutException | ExecutionException e) {
        p.destroyForcibly();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        p.destroyForcibly();
      }
    }
  }

  private static String fileName(String command) {
    return Optional.ofNullable(Path.of(command).getFileName()).map(Path::toString).orElse(command);
  }
}

package dev.localgpt.app.daemon;

import dev.localgpt.core.workspace.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code <home>/daemon.pid}: written atomically with mode 0600 once the daemon listens, removed
 * when it stops. A pid file whose process is gone, or whose pid now belongs to another program
 * (checked through the process's command line), is stale: {@link #running()} ignores it.
 */
public final class PidFile {
  public static final String NAME = "daemon.pid";
  private final Path file;

  public PidFile(Path file) {
    this.file = file;
  }

  /** The pid file of a LocalGPT home. */
  public static PidFile in(Path home) {
    return new PidFile(home.resolve(NAME));
  }

  public Path path() {
    return file;
  }

  public void write(DaemonInfo info) {
    PrivateFiles.replace(file, info.toText());
  }

  /** What the file says, alive or not; empty when there is no file or it is damaged. */
  public Optional<DaemonInfo> read() {
    try {
      return DaemonInfo.parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** The daemon this file names, if that process is alive and is a LocalGPT. */
  public Optional<DaemonInfo> running() {
    return read().filter(PidFile::alive);
  }

  /** Whether a file exists that names no live LocalGPT process. */
  public boolean stale() {
    return Files.exists(file) && running().isEmpty();
  }

  /** Removes the file if it still names {@code pid} (a newer daemon's file is left alone). */
  public void deleteIfOwnedBy(long pid) {
    try {
      if (read().map(i -> i.pid() == pid).orElse(true)) {
        Files.deleteIfExists(file);
      }
    } catch (IOException | UncheckedIOException e) {
      // nothing to do: a leftover file is detected as stale next time
    }
  }

  /** Removes a stale file. */
  public void deleteStale() {
    if (stale()) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot remove the stale " + file + ": " + e.getMessage(), e);
      }
    }
  }

  /**
   * Whether the pid names the daemon that wrote the file: the process is alive, runs a {@code java}
   * executable, and started before the file says the daemon started (a pid reused by a later
   * process started after it). The command line is not searched for the main class: Linux cuts it
   * at 4 KB, inside a long class path.
   */
  static boolean alive(DaemonInfo info) {
    return ProcessHandle.of(info.pid())
        .filter(ProcessHandle::isAlive)
        .map(ProcessHandle::info)
        .filter(p -> p.command().map(PidFile::isJava).orElse(true))
        .filter(
            p -> p.startInstant().map(t -> !t.isAfter(info.started().plusSeconds(1))).orElse(true))
        .isPresent();
  }

  private static boolean isJava(String command) {
    String name = Path.of(command).getFileName().toString();
    return name.equals("java") || name.equals("java.exe");
  }
}

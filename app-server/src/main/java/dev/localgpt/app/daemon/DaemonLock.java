package dev.localgpt.app.daemon;

import dev.localgpt.core.workspace.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * An exclusive lock on {@code <home>/daemon.lock}, held for the daemon's life, so two daemons never
 * run for one home even when started at the same instant. The operating system releases it when the
 * process dies, so it is never stale. The file itself stays (removing lock files invites races).
 */
final class DaemonLock {
  static final String NAME = "daemon.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private DaemonLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** The lock, or empty when another process holds it. */
  static Optional<DaemonLock> acquire(Path home) {
    Path file = home.resolve(NAME);
    try {
      PrivateFiles.createDirectories(home);
      PrivateFiles.writeIfAbsent(file, "");
      FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
      try {
        FileLock lock = channel.tryLock();
        if (lock == null) {
          channel.close();
          return Optional.empty();
        }
        return Optional.of(new DaemonLock(channel, lock));
      } catch (OverlappingFileLockException e) {
        channel.close();
        return Optional.empty();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock " + file + ": " + e.getMessage(), e);
    }
  }

  void release() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      // the process exits soon; the OS drops the lock then
    }
  }
}

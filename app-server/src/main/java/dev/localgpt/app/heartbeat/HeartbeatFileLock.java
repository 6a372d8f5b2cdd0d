package dev.localgpt.app.heartbeat;

import dev.localgpt.core.heartbeat.HeartbeatStore;
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
 * The heartbeat's cross-process lock: an exclusive {@link FileLock} on a file beside the state
 * ({@code data/heartbeat-state.json.lock}, mode 0600; the state itself is replaced by rename, so it
 * cannot carry the lock). {@code tryLock} never waits. A second holder in the same JVM (another
 * store on the same file) is refused like another process. The operating system drops the lock when
 * the process dies, so it is never stale; the file stays.
 */
final class HeartbeatFileLock {
  private final Path file;

  HeartbeatFileLock(Path file) {
    this.file = file;
  }

  /** The lease, or empty when another holder has the lock. */
  Optional<HeartbeatStore.Lease> tryLock() {
    try {
      PrivateFiles.createDirectories(file.getParent());
      PrivateFiles.writeIfAbsent(file, "");
      FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        channel.close();
        return Optional.empty();
      }
      FileLock held = lock;
      return Optional.of(() -> release(held, channel));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock " + file + ": " + e.getMessage(), e);
    }
  }

  private static void release(FileLock lock, FileChannel channel) {
    try {
      if (lock.isValid()) {
        lock.release();
      }
      channel.close();
    } catch (IOException e) {
      // closing the channel drops the lock; the OS drops it at exit at the latest
    }
  }
}

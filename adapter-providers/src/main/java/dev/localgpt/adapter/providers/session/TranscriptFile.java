package dev.localgpt.adapter.providers.session;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Low-level access to one JSONL file. A line counts only once its newline is on disk: a torn last
 * line (the process died mid-write) is never returned, and {@link #dropTornTail} removes it before
 * the next append. Appends happen under {@link #locked}, at the file's real end, so processes
 * sharing a session never overwrite each other's lines.
 */
final class TranscriptFile {
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

  private TranscriptFile() {}

  /** Complete lines from {@code offset} on, and the offset just after the last complete line. */
  record Chunk(List<String> lines, long end) {}

  static void createDirectory(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    if (POSIX) {
      Files.createDirectories(dir, perms("rwx------"));
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    } else {
      Files.createDirectories(dir);
    }
  }

  /** Creates the file (mode 0600) holding {@code firstLine}; fails if it exists. */
  static void create(Path file, String firstLine) throws IOException {
    if (POSIX) {
      Files.createFile(file, perms("rw-------"));
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } else {
      Files.createFile(file);
    }
    append(file, firstLine);
  }

  /** Work done on an open session file while this process holds its lock. */
  interface LockedWork<T> {
    T run(FileChannel channel) throws IOException;
  }

  /**
   * Runs {@code work} holding an exclusive lock on {@code file}: other processes using this class
   * wait, and so do other threads of this one (a file lock belongs to the whole JVM, so threads
   * queue on an in-process lock first).
   */
  static <T> T locked(Path file, LockedWork<T> work) throws IOException {
    ReentrantLock inProcess =
        IN_PROCESS.computeIfAbsent(file.toAbsolutePath().normalize(), f -> new ReentrantLock());
    inProcess.lock();
    try (FileChannel channel =
            FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock = channel.lock()) {
      return work.run(channel);
    } finally {
      inProcess.unlock();
    }
  }

  /**
   * Writes one line and its newline at {@code position} (the current end of the file) in a single
   * write, then forces it to the device.
   *
   * @return the offset just after the new line
   */
  static long write(FileChannel channel, long position, String line) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
    long at = position;
    while (bytes.hasRemaining()) {
      at += channel.write(bytes, at);
    }
    channel.force(false);
    return at;
  }

  private static void append(Path file, String line) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      write(channel, channel.size(), line);
    }
  }

  static Chunk read(Path file, long offset) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      return read(channel, offset);
    }
  }

  /**
   * Complete lines from {@code offset} to the current end; a last line without its newline is left
   * out.
   */
  static Chunk read(FileChannel channel, long offset) throws IOException {
    long size = channel.size();
    if (size <= offset) {
      return new Chunk(List.of(), offset);
    }
    ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(size - offset));
    while (buffer.hasRemaining() && channel.read(buffer, offset + buffer.position()) >= 0) {
      // keep reading until full or end of file
    }
    byte[] bytes = buffer.array();
    int limit = buffer.position();
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < limit; i++) {
      if (bytes[i] == '\n') {
        lines.add(new String(bytes, start, i - start, StandardCharsets.UTF_8));
        start = i + 1;
      }
    }
    return new Chunk(lines, offset + start);
  }

  /**
   * Whether {@code end} is still where a complete line ends (the file was not shortened or
   * rewritten under us).
   */
  static boolean endsLineAt(FileChannel channel, long end) throws IOException {
    if (end == 0) {
      return true;
    }
    if (channel.size() < end) {
      return false;
    }
    ByteBuffer last = ByteBuffer.allocate(1);
    return channel.read(last, end - 1) == 1 && last.get(0) == '\n';
  }

  /**
   * Cuts off bytes after the last complete line. Called only under {@link #locked}: every writer
   * holds the lock for its whole line, so such bytes can only be the torn line of a writer that
   * died, never another process's line.
   */
  static void dropTornTail(FileChannel channel, long completeEnd) throws IOException {
    if (channel.size() > completeEnd) {
      channel.truncate(completeEnd);
      channel.force(false);
    }
  }

  private static FileAttribute<?> perms(String spec) {
    return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(spec));
  }
}

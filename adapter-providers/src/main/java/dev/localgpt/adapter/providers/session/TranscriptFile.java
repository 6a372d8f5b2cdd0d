package dev.localgpt.adapter.providers.session;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * Low-level access to one JSONL file. A line counts only once its newline is on disk: a torn last line (the process
 * died mid-write) is never returned, and {@link #dropTornTail} removes it before the next append.
 */
final class TranscriptFile {
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

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

  /** Appends one line and its newline in a single write, then forces it to the device. */
  static void append(Path file, String line) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      channel.force(false);
    }
  }

  static Chunk read(Path file, long offset) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
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
  }

  /** Cuts an incomplete last line off, so that the next append starts on a fresh line. */
  static void dropTornTail(Path file, long completeEnd) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      if (channel.size() > completeEnd) {
        channel.truncate(completeEnd);
        channel.force(false);
      }
    }
  }

  private static FileAttribute<?> perms(String spec) {
    return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(spec));
  }
}

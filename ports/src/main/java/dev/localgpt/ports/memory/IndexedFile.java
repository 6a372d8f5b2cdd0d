package dev.localgpt.ports.memory;

import java.util.Objects;

/**
 * A source file as the index knows it.
 *
 * @param path workspace-relative path with {@code /} separators (extra roots: {@code
 *     <root-label>/<relative>})
 * @param source where the file belongs: {@code memory} for the workspace, the silo name for {@code
 *     knowledge/<silo>/}
 * @param hash SHA-256 hex of the file content
 * @param modifiedMillis last-modified time, epoch milliseconds
 * @param size size in bytes
 */
public record IndexedFile(String path, String source, String hash, long modifiedMillis, long size) {
  public IndexedFile {
    Objects.requireNonNull(path, "'path' must not be null");
    Objects.requireNonNull(source, "'source' must not be null");
    Objects.requireNonNull(hash, "'hash' must not be null");
    if (size < 0) {
      throw new IllegalArgumentException("'size' must be >= 0, was " + size);
    }
  }
}

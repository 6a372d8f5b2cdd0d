package dev.localgpt.adapter.embeddings;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import java.util.jar.JarEntry;

/**
 * Classpath resources copied once into a cache directory, so a later run reads a plain file instead
 * of inflating the jar entry again. A copy is trusted only while its size and modification time
 * equal the entry's: a partial or altered copy is replaced. Copies are written to a temporary file
 * and renamed into place, so two processes filling the cache at once never see half a file. Every
 * failure (no such resource, a read-only or full disk) gives an empty result, never an exception:
 * the caller then reads the resource as before.
 */
final class ResourceFiles {
  private final ClassLoader loader;

  ResourceFiles(ClassLoader loader) {
    this.loader = loader;
  }

  /** Where a resource is and what identifies its content, read without inflating it. */
  record Source(URL url, long size, long modified, String key) {}

  /** The resource's size, time and content key (the jar entry's CRC), or empty if unknown. */
  Optional<Source> source(String resource) {
    URL url = loader.getResource(resource);
    if (url == null) {
      return Optional.empty();
    }
    try {
      URLConnection connection = url.openConnection();
      if (connection instanceof JarURLConnection jar) {
        JarEntry entry = jar.getJarEntry();
        if (entry == null || entry.getSize() < 0) {
          return Optional.empty();
        }
        String key = entry.getCrc() >= 0 ? Long.toHexString(entry.getCrc()) : "s" + entry.getSize();
        return Optional.of(new Source(url, entry.getSize(), entry.getTime(), key));
      }
      if ("file".equals(url.getProtocol())) {
        Path file = Path.of(url.toURI());
        long size = Files.size(file);
        long modified = Files.getLastModifiedTime(file).toMillis();
        return Optional.of(
            new Source(url, size, modified, Long.toHexString(size) + "-" + modified));
      }
      return Optional.empty();
    } catch (IOException | URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * {@code target} holding the content of {@code source}: the existing copy when it is whole, else
   * a fresh one; empty if it cannot be written.
   */
  Optional<Path> copy(Source source, Path target) {
    if (isWhole(source, target)) {
      return Optional.of(target);
    }
    Path temp = null;
    try {
      Files.createDirectories(target.getParent());
      temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
      try (InputStream in = source.url().openStream()) {
        Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
      }
      if (Files.size(temp) != source.size()) {
        return Optional.empty();
      }
      if (source.modified() > 0) {
        Files.setLastModifiedTime(temp, FileTime.fromMillis(source.modified()));
      }
      move(temp, target);
      temp = null;
      return isWhole(source, target) ? Optional.of(target) : Optional.empty();
    } catch (IOException | SecurityException e) {
      return Optional.empty();
    } finally {
      deleteQuietly(temp);
    }
  }

  /** Renames {@code from} to {@code to} atomically where the file system can, replacing it. */
  static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  static void deleteQuietly(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException | SecurityException e) {
      // a leftover in a cache directory does no harm
    }
  }

  private static boolean isWhole(Source source, Path target) {
    try {
      return Files.isRegularFile(target)
          && Files.size(target) == source.size()
          && (source.modified() <= 0
              || Files.getLastModifiedTime(target).toMillis() == source.modified());
    } catch (IOException | SecurityException e) {
      return false;
    }
  }
}

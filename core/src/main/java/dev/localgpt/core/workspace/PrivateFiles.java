package dev.localgpt.core.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Creates directories (mode 0700) and files (mode 0600) that only the owner can read. On file
 * systems without POSIX permissions the modes are skipped; everything else works the same.
 */
public final class PrivateFiles {
  private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
  private static final int MAX_LINKS = 40;

  private PrivateFiles() {}

  static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }

  /**
   * Creates {@code dir} and any missing parents with mode 0700; existing directories are left as
   * they are.
   *
   * @return the directories that were created, outermost first
   */
  public static List<Path> createDirectories(Path dir) {
    List<Path> missing = new ArrayList<>();
    for (Path p = dir.toAbsolutePath().normalize();
        p != null && !Files.exists(p);
        p = p.getParent()) {
      missing.add(0, p);
    }
    try {
      for (Path p : missing) {
        try {
          if (posix()) {
            Files.createDirectory(p, PosixFilePermissions.asFileAttribute(DIR));
            Files.setPosixFilePermissions(p, DIR);
          } else {
            Files.createDirectory(p);
          }
        } catch (FileAlreadyExistsException raced) {
          // created meanwhile by someone else: fine
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create directory " + dir + ": " + e.getMessage(), e);
    }
    return missing;
  }

  /**
   * Where a chain of symbolic links ends (the file itself when it is no link); the end may not
   * exist yet.
   */
  private static Path linkTarget(Path file) throws IOException {
    Path current = file;
    for (int hops = 0; Files.isSymbolicLink(current); hops++) {
      if (hops == MAX_LINKS) {
        throw new IOException("too many levels of symbolic links");
      }
      current = current.resolveSibling(Files.readSymbolicLink(current)).normalize();
    }
    return current;
  }

  /** Makes an existing file readable and writable by the owner only (mode 0600), where POSIX. */
  public static void ownerOnly(Path file) {
    if (posix()) {
      try {
        Files.setPosixFilePermissions(file, FILE);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot make " + file + " private: " + e.getMessage(), e);
      }
    }
  }

  /**
   * Writes a new file with mode 0600, never replacing an existing one (not even a symlink or a file
   * created at the same moment).
   *
   * @return true if the file was written, false if something already existed at {@code file}
   */
  public static boolean writeIfAbsent(Path file, String text) {
    if (Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    createDirectories(file.getParent());
    try {
      FileAttribute<?>[] attributes =
          posix()
              ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)}
              : new FileAttribute<?>[0];
      Files.createFile(file, attributes);
      if (posix()) {
        Files.setPosixFilePermissions(file, FILE);
      }
      Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Replaces (or creates) {@code file} with {@code text} through a temp file and an atomic move, so
   * a crash never leaves half a file; the new file is readable by the owner only (mode 0600). When
   * {@code file} is a symbolic link (say a {@code config.toml} kept in a dotfiles folder), the file
   * it points to is replaced and the link stays.
   *
   * @throws UncheckedIOException naming the file when it cannot be written
   */
  public static void replace(Path file, String text) {
    Path target = file.toAbsolutePath();
    try {
      target = linkTarget(target);
      Files.createDirectories(target.getParent());
      Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
      try {
        if (posix()) {
          Files.setPosixFilePermissions(temp, FILE);
        }
        Files.writeString(temp, text, StandardCharsets.UTF_8);
        try {
          Files.move(
              temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }
}

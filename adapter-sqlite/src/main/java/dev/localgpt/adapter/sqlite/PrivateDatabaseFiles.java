package dev.localgpt.adapter.sqlite;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

/**
 * Keeps the index owner-only whatever the umask: the directory 0700 when we create it, the database
 * file 0600. The file is created 0600 before SQLite opens it, and SQLite gives its {@code -wal} and
 * {@code -shm} files the mode of the database file; files left by older versions with wider modes
 * are narrowed on open.
 */
final class PrivateDatabaseFiles {
  private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
  private static final List<String> SIDE_FILES = List.of("-wal", "-shm", "-journal");

  private PrivateDatabaseFiles() {}

  /**
   * Prepares {@code dbFile} for opening: creates what is missing, owner-only, and narrows what
   * exists.
   */
  static void prepare(Path dbFile) throws IOException {
    Path file = dbFile.toAbsolutePath();
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    Path parent = file.getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      if (posix) {
        Files.createDirectories(parent, PosixFilePermissions.asFileAttribute(DIR));
        Files.setPosixFilePermissions(parent, DIR);
      } else {
        Files.createDirectories(parent);
      }
    }
    if (!posix) {
      return;
    }
    try {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
    } catch (FileAlreadyExistsException e) {
      // an existing index: narrowed below
    }
    narrow(file);
    for (String suffix : SIDE_FILES) {
      narrow(file.resolveSibling(file.getFileName() + suffix));
    }
  }

  private static void narrow(Path file) throws IOException {
    if (Files.isRegularFile(file) && !Files.getPosixFilePermissions(file).equals(FILE)) {
      Files.setPosixFilePermissions(file, FILE);
    }
  }
}

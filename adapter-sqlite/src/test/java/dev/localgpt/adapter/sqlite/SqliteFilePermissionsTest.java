package dev.localgpt.adapter.sqlite;

import static dev.localgpt.adapter.sqlite.Fixtures.chunk;
import static dev.localgpt.adapter.sqlite.Fixtures.file;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build runs under umask 022, which would make SQLite's files 0644 and the directory 0755. */
class SqliteFilePermissionsTest {
  @TempDir Path dir;

  private static String mode(Path p) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  @Test
  void theDatabaseItsWalAndShmAndItsNewDirectoryAreOwnerOnly() throws Exception {
    Path db = dir.resolve("data/memory.sqlite");
    try (SqliteMemoryIndex index = SqliteMemoryIndex.open(db, SqliteOptions.javaKnn())) {
      index.replaceFile(file("a.md"), List.of(chunk(1, "private words")));

      assertThat(mode(dir.resolve("data"))).isEqualTo("rwx------");
      for (String name : List.of("memory.sqlite", "memory.sqlite-wal", "memory.sqlite-shm")) {
        assertThat(dir.resolve("data").resolve(name)).exists();
        assertThat(mode(dir.resolve("data").resolve(name))).as(name).isEqualTo("rw-------");
      }
    }
  }

  @Test
  void anIndexLeftReadableByOthersIsNarrowedOnOpen() throws Exception {
    Path db = dir.resolve("memory.sqlite");
    try (SqliteMemoryIndex index = SqliteMemoryIndex.open(db, SqliteOptions.javaKnn())) {
      index.replaceFile(file("a.md"), List.of(chunk(1, "private words")));
    }
    Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));

    try (SqliteMemoryIndex index = SqliteMemoryIndex.open(db, SqliteOptions.javaKnn())) {
      index.replaceFile(file("b.md"), List.of(chunk(1, "more words")));
      assertThat(mode(db)).isEqualTo("rw-------");
      assertThat(mode(dir.resolve("memory.sqlite-wal"))).isEqualTo("rw-------");
    }
  }
}

package dev.localgpt.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localgpt.adapter.sqlite.SqliteOptions;
import dev.localgpt.ports.memory.MemoryIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemoryComponentsTest {
  @TempDir Path dir;

  @Test
  void aDamagedIndexMovedAsideToCorruptIsOwnerOnlyAndTheNewIndexToo() throws Exception {
    Path db = dir.resolve("memory.sqlite");
    Files.writeString(db, "this is not a database, but it may hold words from the notes");
    Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));

    try (MemoryIndex index = MemoryComponents.indexes(db, SqliteOptions.javaKnn()).recreate()) {
      assertThat(index.files()).isEmpty();
    }

    Path aside = dir.resolve("memory.sqlite.corrupt");
    assertThat(Files.readString(aside)).startsWith("this is not a database");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(aside)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(db)))
        .isEqualTo("rw-------");
  }
}

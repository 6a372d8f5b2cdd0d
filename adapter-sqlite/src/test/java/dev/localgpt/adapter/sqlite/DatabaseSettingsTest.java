package dev.localgpt.adapter.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reader connections read through SQLite's bounded page cache, not a memory map of the file. */
class DatabaseSettingsTest {
  @TempDir Path dir;

  @Test
  void readersDoNotMapTheFileIntoMemory() {
    try (Database db = Database.open(dir.resolve("m.sqlite"), 1000, null, 1)) {
      long mmap =
          db.read(
              "mmap",
              c -> {
                try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("pragma mmap_size")) {
                  return rs.next() ? rs.getLong(1) : -1;
                }
              });
      assertThat(mmap).isZero();
    }
  }
}

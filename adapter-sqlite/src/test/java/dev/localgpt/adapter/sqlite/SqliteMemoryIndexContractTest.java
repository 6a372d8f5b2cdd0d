package dev.localgpt.adapter.sqlite;

import dev.localgpt.ports.memory.MemoryIndex;
import dev.localgpt.ports.memory.MemoryIndexContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteMemoryIndexContractTest extends MemoryIndexContract {
  @TempDir Path dir;

  @Override
  protected MemoryIndex newIndex() {
    return SqliteMemoryIndex.open(dir.resolve("memory.sqlite"));
  }
}

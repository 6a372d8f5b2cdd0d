package dev.localgpt.adapter.postgres;

import dev.localgpt.ports.memory.MemoryIndex;
import dev.localgpt.ports.memory.MemoryIndexContract;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The memory-index contract, unchanged, on PGlite (PostgreSQL 18 + pgvector 0.8): each test a fresh
 * workspace.
 */
class PostgresMemoryIndexPgliteIT extends MemoryIndexContract {
  private static final AtomicInteger WORKSPACES = new AtomicInteger();
  @RegisterExtension static final PgliteDatabase PGLITE = new PgliteDatabase();

  @Override
  protected MemoryIndex newIndex() {
    return PostgresMemoryIndex.open(
        PGLITE.db(), "contract-" + WORKSPACES.incrementAndGet(), Set.of());
  }
}

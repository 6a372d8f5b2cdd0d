package dev.localgpt.adapter.postgres;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.localgpt.ports.memory.MemoryIndex;
import dev.localgpt.ports.memory.MemoryIndexContract;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The memory-index contract, unchanged, on PGlite (PostgreSQL 18 + pgvector 0.8): each test a fresh
 * workspace.
 */
class PostgresMemoryIndexPgliteIT extends MemoryIndexContract {
  private static final AtomicInteger WORKSPACES = new AtomicInteger();
  private static PgliteServer server;
  private static PostgresDatabase db;

  @BeforeAll
  static void startPglite() throws Exception {
    Optional<Path> installation = PgliteServer.installation();
    assumeTrue(installation.isPresent(), PgliteServer.missingMessage());
    server = PgliteServer.start(installation.get());
    db = PostgresDatabase.open(server.options());
  }

  @AfterAll
  static void stopPglite() {
    if (db != null) {
      db.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Override
  protected MemoryIndex newIndex() {
    return PostgresMemoryIndex.open(db, "contract-" + WORKSPACES.incrementAndGet(), Set.of());
  }
}

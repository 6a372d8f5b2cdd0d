package dev.localgpt.adapter.postgres;

import dev.localgpt.ports.memory.MemoryIndex;
import dev.localgpt.ports.memory.MemoryIndexContract;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The memory-index contract, unchanged, on a real PostgreSQL with pgvector ({@code
 * pgvector/pgvector} in Docker), with a pool of several connections. Skipped, not failed, where
 * there is no Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
class PostgresMemoryIndexContainerIT extends MemoryIndexContract {
  @Container
  private static final PostgreSQLContainer POSTGRES =
      new PostgreSQLContainer(
          DockerImageName.parse("pgvector/pgvector:pg17").asCompatibleSubstituteFor("postgres"));

  private static final AtomicInteger WORKSPACES = new AtomicInteger();
  private static PostgresDatabase db;

  @BeforeAll
  static void openDatabase() {
    db =
        PostgresDatabase.open(
            new PostgresOptions(
                POSTGRES.getJdbcUrl(), POSTGRES.getUsername(), POSTGRES.getPassword(), 4));
  }

  @AfterAll
  static void closeDatabase() {
    if (db != null) {
      db.close();
    }
  }

  @Override
  protected MemoryIndex newIndex() {
    return PostgresMemoryIndex.open(db, "contract-" + WORKSPACES.incrementAndGet(), Set.of());
  }
}

package dev.localgpt.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.localgpt.adapter.postgres.PgliteServer;
import dev.localgpt.adapter.postgres.PostgresMemoryIndex;
import dev.localgpt.adapter.sqlite.SqliteMemoryIndex;
import dev.localgpt.core.config.MemoryStorage;
import dev.localgpt.ports.embedding.Embedding;
import dev.localgpt.ports.memory.IndexedFile;
import dev.localgpt.ports.memory.NewChunk;
import dev.localgpt.ports.memory.SearchScope;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code memory migrate --to postgres}: a SQLite index lands in PostgreSQL (PGlite) whole, vectors
 * and cache too.
 */
class PostgresMigrationIT {
  private static PgliteServer server;

  @BeforeAll
  static void startPglite() throws Exception {
    Optional<Path> installation = PgliteServer.installation();
    assumeTrue(installation.isPresent(), PgliteServer.missingMessage());
    server = PgliteServer.start(installation.get());
  }

  @AfterAll
  static void stopPglite() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void copiesFilesChunksVectorsModelAndCacheWithoutReembedding(@TempDir Path dir) {
    Path db = dir.resolve("memory.sqlite");
    try (SqliteMemoryIndex sqlite = SqliteMemoryIndex.open(db)) {
      sqlite.useEmbeddingModel("test-model", 3);
      sqlite.replaceFile(
          new IndexedFile("MEMORY.md", "memory", "h1", 5L, 10),
          List.of(
              new NewChunk(
                  1,
                  2,
                  "# Pets",
                  "our iguana is called Rex",
                  "t1",
                  Embedding.normalized(new float[] {1, 0, 0})),
              new NewChunk(3, 3, "", "not embedded yet", "t2", null)));
      sqlite.replaceFile(
          new IndexedFile("knowledge/work/a.md", "work", "h2", 6L, 11),
          List.of(
              new NewChunk(
                  1,
                  1,
                  "",
                  "quarterly report",
                  "t3",
                  Embedding.normalized(new float[] {0, 1, 0}))));
      sqlite.cacheEmbeddings(
          "test-model", Map.of("t1", Embedding.of(new float[] {0.5f, 0.25f, 0.125f})));
    }
    MemoryStorage storage =
        new MemoryStorage("postgres", server.jdbcUrl(), "postgres", Optional.empty(), 1, "alice");

    PostgresMemory.MigrationReport report = PostgresMemory.migrate(db, storage);

    assertThat(report).isEqualTo(new PostgresMemory.MigrationReport(2, 3, 2, 1, "alice"));
    try (PostgresMemoryIndex pg =
        PostgresMemoryIndex.open(PostgresMemory.options(storage), "alice")) {
      assertThat(pg.files())
          .extracting(IndexedFile::path)
          .containsExactly("MEMORY.md", "knowledge/work/a.md");
      assertThat(pg.file("MEMORY.md"))
          .contains(new IndexedFile("MEMORY.md", "memory", "h1", 5L, 10));
      assertThat(pg.embeddingModel()).contains("test-model");
      assertThat(pg.stats().chunks()).isEqualTo(3);
      assertThat(pg.stats().embeddedChunks()).isEqualTo(2);
      assertThat(
              pg.vectorSearch(Embedding.normalized(new float[] {1, 0.1f, 0}), 1, SearchScope.all()))
          .extracting(h -> h.chunk().text() + "|" + h.chunk().headingPath())
          .containsExactly("our iguana is called Rex|# Pets");
      assertThat(pg.chunksWithoutVector(10))
          .extracting(p -> p.text())
          .containsExactly("not embedded yet");
      assertThat(pg.cachedEmbeddings("test-model", List.of("t1")))
          .containsEntry("t1", Embedding.of(new float[] {0.5f, 0.25f, 0.125f}));
    }

    PostgresMemory.migrate(db, storage); // again: replaces, never doubles
    try (PostgresMemoryIndex pg =
        PostgresMemoryIndex.open(PostgresMemory.options(storage), "alice")) {
      assertThat(pg.stats().chunks()).isEqualTo(3);
    }
  }
}

package dev.localgpt.app.wiring;

import dev.localgpt.adapter.postgres.PostgresDatabase;
import dev.localgpt.adapter.postgres.PostgresMemoryIndex;
import dev.localgpt.adapter.postgres.PostgresOptions;
import dev.localgpt.adapter.postgres.PostgresSessionStore;
import dev.localgpt.adapter.sqlite.SqliteMemoryIndex;
import dev.localgpt.adapter.sqlite.SqliteOptions;
import dev.localgpt.core.config.ConfigException;
import dev.localgpt.core.config.ConfigProblem;
import dev.localgpt.core.config.MemoryStorage;
import dev.localgpt.core.memory.MemoryIndexes;
import dev.localgpt.ports.memory.IndexedFile;
import dev.localgpt.ports.memory.MemoryIndex;
import dev.localgpt.ports.memory.NewChunk;
import dev.localgpt.ports.session.SessionStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The memory index on PostgreSQL ({@code memory.backend = "postgres"}): options from {@code
 * [memory.postgres]}, the {@link MemoryIndexes} over the configured workspace id, the session
 * store, and the copy of a SQLite index into it ({@code memory migrate --to postgres}).
 */
public final class PostgresMemory {
  private PostgresMemory() {}

  /** What a copy moved. */
  public record MigrationReport(int files, int chunks, int vectors, int cached, String workspace) {}

  /** The adapter's options; a URL the driver cannot use is a config problem naming the key. */
  public static PostgresOptions options(MemoryStorage storage) {
    try {
      return new PostgresOptions(
          storage.url(), storage.user(), storage.password().orElse(""), storage.poolSize());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          new ConfigProblem(
              "config.toml",
              0,
              "memory.postgres.url",
              e.getMessage(),
              "write e.g. url = \"jdbc:postgresql://localhost:5432/localgpt\""));
    }
  }

  /**
   * Opens the workspace's index (its own pool); {@code recreate} drops the workspace's rows and
   * opens it again.
   */
  public static MemoryIndexes indexes(MemoryStorage storage) {
    PostgresOptions options = options(storage);
    return new MemoryIndexes() {
      @Override
      public MemoryIndex open() {
        return PostgresMemoryIndex.open(options, storage.workspaceId());
      }

      @Override
      public MemoryIndex recreate() {
        PostgresMemoryIndex index = PostgresMemoryIndex.open(options, storage.workspaceId());
        index.clear();
        return index;
      }
    };
  }

  /**
   * The session store of the configured workspace on its own small pool (registered with {@code
   * resources}, closed with them), so any instance sharing the database continues any session of
   * the workspace.
   */
  public static SessionStore sessions(MemoryStorage storage, Clock clock, Resources resources) {
    PostgresOptions memory = options(storage);
    PostgresDatabase db =
        resources.register(
            PostgresDatabase.open(
                new PostgresOptions(
                    memory.url(),
                    memory.user(),
                    memory.password(),
                    Math.min(4, memory.poolSize()))));
    return new PostgresSessionStore(db, storage.workspaceId(), clock);
  }

  /**
   * Copies the SQLite index at {@code sqliteFile} into the workspace on PostgreSQL, replacing what
   * the workspace held: files, chunks with their vectors, the embedding model and the embedding
   * cache. Nothing is re-embedded.
   */
  public static MigrationReport migrate(Path sqliteFile, MemoryStorage storage) {
    if (!Files.isRegularFile(sqliteFile)) {
      throw new IllegalArgumentException(
          "no SQLite index at "
              + sqliteFile
              + "; run 'localgpt memory reindex' with memory.backend = \"sqlite\" first, or index straight into PostgreSQL");
    }
    // A bulk load: files written in large transactions, a missing HNSW index built once at the end.
    try (SqliteMemoryIndex from = SqliteMemoryIndex.open(sqliteFile, SqliteOptions.javaKnn());
        PostgresDatabase db = PostgresDatabase.open(options(storage));
        PostgresMemoryIndex to =
            PostgresMemoryIndex.open(db, storage.workspaceId(), Set.of()).bulkLoad()) {
      to.clear();
      Optional<String> model = from.embeddingModel();
      int[] counts = new int[4];
      // The model is declared (which empties the workspace) with the first vector's dimension;
      // files met before it
      // wait in memory.
      List<Map.Entry<IndexedFile, List<NewChunk>>> waiting = new ArrayList<>();
      boolean[] declared = {model.isEmpty()};
      from.export(
          (file, chunks) -> {
            counts[0]++;
            counts[1] += chunks.size();
            counts[2] += (int) chunks.stream().filter(c -> c.embedding() != null).count();
            if (!declared[0]) {
              Optional<NewChunk> withVector =
                  chunks.stream().filter(c -> c.embedding() != null).findFirst();
              if (withVector.isEmpty()) {
                waiting.add(Map.entry(file, chunks));
                return;
              }
              to.useEmbeddingModel(model.get(), withVector.get().embedding().dimension());
              declared[0] = true;
              waiting.forEach(w -> to.replaceFile(w.getKey(), w.getValue()));
              waiting.clear();
            }
            to.replaceFile(file, chunks);
          },
          (cacheModel, batch) -> {
            to.cacheEmbeddings(cacheModel, batch);
            counts[3] += batch.size();
          });
      waiting.forEach(
          w -> to.replaceFile(w.getKey(), w.getValue())); // no vector anywhere: the next run embeds
      return new MigrationReport(counts[0], counts[1], counts[2], counts[3], storage.workspaceId());
    }
  }
}

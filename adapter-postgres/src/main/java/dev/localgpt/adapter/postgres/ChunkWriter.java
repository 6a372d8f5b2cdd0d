package dev.localgpt.adapter.postgres;

import dev.localgpt.ports.embedding.Embedding;
import dev.localgpt.ports.memory.IndexedFile;
import dev.localgpt.ports.memory.NewChunk;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * The write side of one workspace: every change is one transaction, rows written in JDBC batches. A
 * writer that defers indexes (a bulk load) does not make a missing HNSW index on the way but
 * remembers its dimension for {@link #finishDeferred()}: building the graph once over all rows is
 * far cheaper than inserting the rows into it one by one.
 */
final class ChunkWriter {
  private final PostgresDatabase db;
  private final String workspace;
  private final Vectors vectors;
  private final boolean deferIndex;
  private final Set<Integer> deferred = new ConcurrentSkipListSet<>();

  ChunkWriter(PostgresDatabase db, String workspace, Vectors vectors, boolean deferIndex) {
    this.db = db;
    this.workspace = workspace;
    this.vectors = vectors;
    this.deferIndex = deferIndex;
  }

  /** Replaces the chunks of each file, all files in one transaction. */
  void replaceFiles(List<Map.Entry<IndexedFile, List<NewChunk>>> files) {
    db.transaction(
        files.size() == 1
            ? "index " + files.get(0).getKey().path()
            : "index " + files.size() + " files",
        c -> {
          int dims =
              settleDims(
                  c,
                  files.stream()
                      .flatMap(f -> f.getValue().stream())
                      .filter(ch -> ch.embedding() != null)
                      .map(NewChunk::embedding)
                      .toList());
          for (Map.Entry<IndexedFile, List<NewChunk>> f : files) {
            // The file row first: its row lock makes a concurrent re-index of the same path
            // (another server) wait, so its delete below sees our chunks and the two never mix.
            upsertFile(c, f.getKey());
            deleteChunks(c, f.getKey().path());
          }
          insertChunks(c, files, dims);
          return null;
        });
  }

  /** Builds the HNSW indexes a bulk load deferred, with room for the graph in memory. */
  void finishDeferred() {
    for (int dims : deferred) {
      db.transaction(
          "build the HNSW index of " + dims + "-dimensional vectors",
          c -> {
            try (Statement s = c.createStatement()) {
              s.execute("set local maintenance_work_mem = '512MB'");
            }
            vectors.ensureIndex(c, dims);
            return null;
          });
      deferred.remove(dims);
    }
  }

  void storeWindowVectors(Map<Long, List<Embedding>> byChunkId) {
    if (byChunkId.isEmpty()) {
      return;
    }
    byChunkId.forEach(
        (id, windows) -> {
          if (windows.isEmpty()) {
            throw new IllegalArgumentException("chunk " + id + " has no window vector");
          }
        });
    db.transaction(
        "store " + byChunkId.size() + " vectors",
        c -> {
          int dims = settleDims(c, byChunkId.values().stream().flatMap(List::stream).toList());
          try (PreparedStatement p =
                  c.prepareStatement(
                      "update memory_chunks set embedding = ?::vector, dims = ? where id = ? and workspace = ?");
              PreparedStatement drop =
                  c.prepareStatement(
                      "delete from memory_chunk_windows where chunk_id = ? and workspace = ?");
              PreparedStatement insert =
                  c.prepareStatement(
                      "insert into memory_chunk_windows(chunk_id, n, workspace, source, dims, embedding)"
                          + " select id, ?, workspace, source, ?, ?::vector from memory_chunks"
                          + " where id = ? and workspace = ?")) {
            for (Map.Entry<Long, List<Embedding>> e : byChunkId.entrySet()) {
              List<Embedding> windows = e.getValue();
              p.setString(1, Vectors.text(windows.get(0).toArray()));
              p.setInt(2, dims);
              p.setLong(3, e.getKey());
              p.setString(4, workspace);
              p.addBatch();
              drop.setLong(1, e.getKey());
              drop.setString(2, workspace);
              drop.addBatch();
              for (int n = 1; n < windows.size(); n++) {
                insert.setInt(1, n);
                insert.setInt(2, dims);
                insert.setString(3, Vectors.text(windows.get(n).toArray()));
                insert.setLong(4, e.getKey());
                insert.setString(5, workspace);
                insert.addBatch();
              }
            }
            p.executeBatch();
            drop.executeBatch();
            insert.executeBatch();
          }
          return null;
        });
  }

  void deleteFile(String path) {
    db.transaction(
        "delete " + path,
        c -> {
          deleteChunks(c, path);
          try (PreparedStatement p =
              c.prepareStatement("delete from memory_files where workspace = ? and path = ?")) {
            p.setString(1, workspace);
            p.setString(2, path);
            p.executeUpdate();
          }
          return null;
        });
  }

  void useEmbeddingModel(String modelId, int dimension) {
    db.transaction(
        "switch embedding model to " + modelId,
        c -> {
          try (PreparedStatement p =
              c.prepareStatement("select pg_advisory_xact_lock(hashtext(?))")) {
            p.setString(1, "localgpt:model:" + workspace);
            p.execute();
          }
          String model = Meta.get(c, workspace, Meta.EMBEDDING_MODEL).orElse("");
          if (model.equals(modelId) && Meta.dims(c, workspace) == dimension) {
            return null;
          }
          for (String table : new String[] {"memory_chunks", "memory_files"}) {
            try (PreparedStatement p =
                c.prepareStatement("delete from " + table + " where workspace = ?")) {
              p.setString(1, workspace);
              p.executeUpdate();
            }
          }
          Meta.put(c, workspace, Meta.EMBEDDING_MODEL, modelId);
          Meta.put(c, workspace, Meta.EMBEDDING_DIMS, Integer.toString(dimension));
          ensureIndex(c, dimension);
          return null;
        });
  }

  void cacheEmbeddings(String modelId, Map<String, Embedding> byTextHash) {
    if (byTextHash.isEmpty()) {
      return;
    }
    long now = System.currentTimeMillis() / 1000;
    db.transaction(
        "cache embeddings",
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "insert into memory_embedding_cache(workspace, model, hash, dims, embedding, updated_at)"
                      + " values (?, ?, ?, ?, ?, ?) on conflict (workspace, model, hash) do update set dims = excluded.dims,"
                      + " embedding = excluded.embedding, updated_at = excluded.updated_at")) {
            for (Map.Entry<String, Embedding> e : byTextHash.entrySet()) {
              p.setString(1, workspace);
              p.setString(2, modelId);
              p.setString(3, e.getKey());
              p.setInt(4, e.getValue().dimension());
              p.setBytes(5, Vectors.encode(e.getValue().toArray()));
              p.setLong(6, now);
              p.addBatch();
            }
            p.executeBatch();
          }
          return null;
        });
  }

  /**
   * The workspace's vector dimension after storing {@code incoming}: the recorded one (every vector
   * must match it), or the first vector's when none is recorded yet (then recorded). 0 when neither
   * exists.
   */
  private int settleDims(Connection c, Collection<Embedding> incoming) throws SQLException {
    int known = Meta.dims(c, workspace);
    int dims = known;
    for (Embedding e : incoming) {
      if (dims == 0) {
        dims = e.dimension();
      } else if (e.dimension() != dims) {
        throw new IllegalArgumentException(
            "chunk embedding has "
                + e.dimension()
                + " dimensions but the index holds "
                + dims
                + "-dimensional vectors; declare the model with useEmbeddingModel to switch");
      }
    }
    if (known == 0 && dims > 0) {
      Meta.put(c, workspace, Meta.EMBEDDING_DIMS, Integer.toString(dims));
    }
    if (dims > 0 && !incoming.isEmpty()) {
      ensureIndex(c, dims);
    }
    return dims;
  }

  private void ensureIndex(Connection c, int dims) throws SQLException {
    if (deferIndex) {
      deferred.add(dims);
      return;
    }
    try {
      vectors.ensureIndex(c, dims);
    } catch (SQLException e) {
      vectors.forget(dims);
      throw e;
    }
  }

  private void upsertFile(Connection c, IndexedFile file) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "insert into memory_files(workspace, path, source, hash, mtime, size) values (?, ?, ?, ?, ?, ?)"
                + " on conflict (workspace, path) do update set source = excluded.source, hash = excluded.hash,"
                + " mtime = excluded.mtime, size = excluded.size")) {
      p.setString(1, workspace);
      p.setString(2, file.path());
      p.setString(3, file.source());
      p.setString(4, file.hash());
      p.setLong(5, file.modifiedMillis());
      p.setLong(6, file.size());
      p.executeUpdate();
    }
  }

  private void deleteChunks(Connection c, String path) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement("delete from memory_chunks where workspace = ? and path = ?")) {
      p.setString(1, workspace);
      p.setString(2, path);
      p.executeUpdate();
    }
  }

  private void insertChunks(
      Connection c, List<Map.Entry<IndexedFile, List<NewChunk>>> files, int dims)
      throws SQLException {
    if (files.stream().allMatch(f -> f.getValue().isEmpty())) {
      return;
    }
    try (PreparedStatement p =
        c.prepareStatement(
            "insert into memory_chunks(workspace, path, source, start_line, end_line, heading_path, text, hash, embedding,"
                + " dims) values (?, ?, ?, ?, ?, ?, ?, ?, ?::vector, ?)")) {
      for (Map.Entry<IndexedFile, List<NewChunk>> f : files) {
        addChunks(p, f.getKey(), f.getValue(), dims);
      }
      p.executeBatch();
    }
  }

  private void addChunks(PreparedStatement p, IndexedFile file, List<NewChunk> chunks, int dims)
      throws SQLException {
    for (NewChunk chunk : chunks) {
      p.setString(1, workspace);
      p.setString(2, file.path());
      p.setString(3, file.source());
      p.setInt(4, chunk.startLine());
      p.setInt(5, chunk.endLine());
      p.setString(6, chunk.headingPath());
      p.setString(7, chunk.text());
      p.setString(8, chunk.textHash());
      if (chunk.embedding() == null) {
        p.setNull(9, Types.VARCHAR);
        p.setNull(10, Types.INTEGER);
      } else {
        p.setString(9, Vectors.text(chunk.embedding().toArray()));
        p.setInt(10, dims);
      }
      p.addBatch();
    }
  }

  /** Drops every row of the workspace (tests and {@code memory migrate --replace}). */
  void clear() {
    db.transaction(
        "clear workspace " + workspace,
        c -> {
          for (String table :
              new String[] {
                "memory_chunk_windows",
                "memory_chunks",
                "memory_files",
                "memory_meta",
                "memory_embedding_cache"
              }) {
            try (PreparedStatement p =
                c.prepareStatement("delete from " + table + " where workspace = ?")) {
              p.setString(1, workspace);
              p.executeUpdate();
            }
          }
          return null;
        });
  }
}

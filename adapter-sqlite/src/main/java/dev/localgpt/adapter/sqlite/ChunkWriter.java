package dev.localgpt.adapter.sqlite;

import dev.localgpt.adapter.sqlite.JavaKnn.Row;
import dev.localgpt.ports.embedding.Embedding;
import dev.localgpt.ports.memory.IndexedFile;
import dev.localgpt.ports.memory.NewChunk;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The write side: every change is one transaction on the writer connection, mirrored into the Java
 * k-NN after commit.
 */
final class ChunkWriter {
  private final Database db;
  private final AtomicReference<IndexState> state;
  private final JavaKnn knn;
  private final JavaKeywords keywords;
  final KeywordMerger merger;

  /** Test hook: runs inside a replaceFile transaction just before commit. */
  volatile Runnable beforeCommit = () -> {};

  ChunkWriter(Database db, AtomicReference<IndexState> state, JavaKnn knn, JavaKeywords keywords) {
    this.db = db;
    this.state = state;
    this.knn = knn;
    this.keywords = keywords;
    this.merger = new KeywordMerger(db);
  }

  /** What one transaction changed, for the in-memory mirrors. */
  private record Change(
      List<Long> removed, List<Row> added, IndexState next, List<JavaKeywords.Added> texts) {
    Change(List<Long> removed, List<Row> added, IndexState next) {
      this(removed, added, next, List.of());
    }
  }

  void replaceFile(IndexedFile file, List<NewChunk> chunks) {
    IndexState before = state.get();
    int dims = checkDimensions(chunks, before.dims());
    db.write(
        "index " + file.path(),
        () -> {
          Connection c = db.writer();
          IndexState next = before;
          if (before.dims() == 0 && dims > 0) {
            Meta.put(c, Meta.EMBEDDING_DIMS, Integer.toString(dims));
            next =
                new IndexState(
                    before.model(), dims, db.vecLoaded(), before.vecOnDisk() || db.vecLoaded());
            if (db.vecLoaded()) {
              Vec0Knn.rebuild(c, dims);
            }
          }
          List<Long> removed = FileRows.deleteChunks(c, file.path());
          FileRows.upsert(c, file);
          FileRows.Inserted inserted = FileRows.insertChunks(c, file, chunks);
          syncVectors(c, next, removed, inserted.vectors());
          List<JavaKeywords.Added> texts =
              keywords.mirrors() ? insertedTexts(file, chunks, inserted.firstId()) : List.of();
          beforeCommit.run();
          return new Change(removed, inserted.vectors(), next, texts);
        },
        change -> {
          merger.wrote(change.removed().size() + chunks.size());
          mirror(change);
        });
    merger.afterWrite();
  }

  void storeWindowVectors(Map<Long, List<Embedding>> byChunkId) {
    if (byChunkId.isEmpty()) {
      return;
    }
    IndexState before = state.get();
    int dims = before.dims();
    for (Map.Entry<Long, List<Embedding>> w : byChunkId.entrySet()) {
      if (w.getValue().isEmpty()) {
        throw new IllegalArgumentException("chunk " + w.getKey() + " has no window vector");
      }
    }
    for (Embedding e : byChunkId.values().stream().flatMap(List::stream).toList()) {
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
    int finalDims = dims;
    db.write(
        "store " + byChunkId.size() + " vectors",
        () -> {
          Connection c = db.writer();
          IndexState next = before;
          if (before.dims() == 0) {
            Meta.put(c, Meta.EMBEDDING_DIMS, Integer.toString(finalDims));
            next =
                new IndexState(
                    before.model(),
                    finalDims,
                    db.vecLoaded(),
                    before.vecOnDisk() || db.vecLoaded());
            if (db.vecLoaded()) {
              Vec0Knn.rebuild(c, finalDims);
            }
          }
          FileRows.Updated updated = FileRows.updateVectors(c, byChunkId);
          syncVectors(c, next, updated.removed(), updated.added());
          return new Change(updated.removed(), updated.added(), next);
        },
        this::mirror);
  }

  void deleteFile(String path) {
    IndexState current = state.get();
    db.write(
        "delete " + path,
        () -> {
          Connection c = db.writer();
          List<Long> removed = FileRows.deleteChunks(c, path);
          FileRows.deleteFile(c, path);
          syncVectors(c, current, removed, List.of());
          return new Change(removed, List.of(), current);
        },
        change -> {
          merger.wrote(change.removed().size());
          mirror(change);
        });
    merger.afterWrite();
  }

  void useEmbeddingModel(String modelId, int dimension) {
    if (dimension < 1) {
      throw new IllegalArgumentException("'dimension' must be > 0, was " + dimension);
    }
    IndexState current = state.get();
    if (current.model().equals(modelId) && current.dims() == dimension) {
      return;
    }
    db.write(
        "switch embedding model to " + modelId,
        () -> {
          Connection c = db.writer();
          try (Statement s = c.createStatement()) {
            s.execute("delete from chunks");
            s.execute("delete from files");
          }
          Meta.put(c, Meta.EMBEDDING_MODEL, modelId);
          Meta.put(c, Meta.EMBEDDING_DIMS, Integer.toString(dimension));
          if (db.vecLoaded()) {
            Vec0Knn.rebuild(c, dimension);
            Meta.remove(c, Meta.VEC_STALE);
          } else if (current.vecOnDisk()) {
            Meta.put(c, Meta.VEC_STALE, "1");
          }
          return new IndexState(
              modelId, dimension, db.vecLoaded(), current.vecOnDisk() || db.vecLoaded());
        },
        next -> {
          state.set(next);
          keywords.invalidate();
          if (next.vecActive()) {
            knn.unload(); // sqlite-vec answers; the Java matrix is only loaded if a query falls
            // back to it
          } else {
            knn.reset(dimension);
          }
        });
  }

  void cacheEmbeddings(String modelId, Map<String, Embedding> byTextHash) {
    if (byTextHash.isEmpty()) {
      return;
    }
    long now = System.currentTimeMillis() / 1000;
    db.write(
        "cache embeddings",
        () -> {
          try (PreparedStatement p =
              db.writer()
                  .prepareStatement(
                      "insert or replace into embedding_cache(model, hash, dims, embedding, updated_at) values (?, ?, ?, ?, ?)")) {
            for (Map.Entry<String, Embedding> e : byTextHash.entrySet()) {
              p.setString(1, modelId);
              p.setString(2, e.getKey());
              p.setInt(3, e.getValue().dimension());
              p.setBytes(4, VectorCodec.encode(e.getValue().toArray()));
              p.setLong(5, now);
              p.addBatch();
            }
            p.executeBatch();
          }
          return null;
        });
  }

  private void mirror(Change change) {
    state.set(change.next());
    if (knn.isLoaded()) {
      knn.apply(change.removed(), change.added());
    }
    if (!change.removed().isEmpty() || !change.texts().isEmpty()) {
      keywords.apply(change.removed(), change.texts());
    }
  }

  /** The file's chunks just inserted (ids from {@code firstId} on), for the keyword index. */
  private static List<JavaKeywords.Added> insertedTexts(
      IndexedFile file, List<NewChunk> chunks, long firstId) {
    List<JavaKeywords.Added> out = new ArrayList<>(chunks.size());
    for (int i = 0; i < chunks.size(); i++) {
      out.add(new JavaKeywords.Added(firstId + i, file.source(), chunks.get(i).text()));
    }
    return out;
  }

  private static int checkDimensions(List<NewChunk> chunks, int known) {
    int dims = known;
    for (NewChunk chunk : chunks) {
      if (chunk.embedding() == null) {
        continue;
      }
      int d = chunk.embedding().dimension();
      if (dims == 0) {
        dims = d;
      } else if (d != dims) {
        throw new IllegalArgumentException(
            "chunk embedding has "
                + d
                + " dimensions but the index holds "
                + dims
                + "-dimensional vectors; declare the model with useEmbeddingModel to switch");
      }
    }
    return dims;
  }

  private void syncVectors(Connection c, IndexState s, List<Long> removed, List<Row> added)
      throws SQLException {
    if (s.vecActive()) {
      Vec0Knn.delete(c, removed);
      Vec0Knn.insert(c, added);
    } else if (s.vecOnDisk() && (!removed.isEmpty() || !added.isEmpty())) {
      Meta.put(c, Meta.VEC_STALE, "1");
    }
  }
}

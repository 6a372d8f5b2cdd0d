package dev.localgpt.adapter.sqlite;

import dev.localgpt.adapter.sqlite.JavaKnn.Row;
import dev.localgpt.adapter.sqlite.TopK.Hit;
import dev.localgpt.ports.embedding.Embedding;
import dev.localgpt.ports.memory.IndexedFile;
import dev.localgpt.ports.memory.PendingChunk;
import dev.localgpt.ports.memory.ScoredChunk;
import dev.localgpt.ports.memory.SearchScope;
import dev.localgpt.ports.memory.StoredChunk;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The read side: runs on pooled reader connections, so it proceeds while the writer commits (WAL).
 */
final class ChunkReader {
  static final String CHUNK_COLUMNS =
      "c.id, c.path, c.source, c.start_line, c.end_line, c.heading_path, c.text";
  private static final int BATCH = 500;

  private final Database db;

  ChunkReader(Database db) {
    this.db = db;
  }

  List<IndexedFile> files() {
    return db.read(
        "list files",
        c -> {
          try (PreparedStatement p =
                  c.prepareStatement(
                      "select path, source, hash, mtime, size from files order by path");
              ResultSet rs = p.executeQuery()) {
            List<IndexedFile> files = new ArrayList<>();
            while (rs.next()) {
              files.add(file(rs));
            }
            return files;
          }
        });
  }

  Optional<IndexedFile> file(String path) {
    return db.read(
        "read file " + path,
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "select path, source, hash, mtime, size from files where path = ?")) {
            p.setString(1, path);
            try (ResultSet rs = p.executeQuery()) {
              return rs.next() ? Optional.of(file(rs)) : Optional.empty();
            }
          }
        });
  }

  private static IndexedFile file(ResultSet rs) throws SQLException {
    return new IndexedFile(
        rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5));
  }

  List<ScoredChunk> keywordSearch(String text, int limit, SearchScope scope) {
    Optional<String> match = FtsQuery.of(text);
    if (match.isEmpty()) {
      return List.of();
    }
    List<String> args = new ArrayList<>();
    args.add(match.get());
    StringBuilder sql;
    if (scope.include().isEmpty() && scope.exclude().isEmpty()) {
      // Rank inside FTS5 first and read only the top rows' chunks: joining every matching row
      // before the sort
      // read the text of all of them (2x slower on SciFact's long OR queries).
      sql =
          new StringBuilder(
              "select "
                  + CHUNK_COLUMNS
                  + ", f.rank from (select rowid, bm25(chunks_fts) as rank"
                  + " from chunks_fts where chunks_fts match ? order by rank, rowid limit ?) f join chunks c on c.id = f.rowid"
                  + " order by f.rank, c.id");
    } else {
      sql =
          new StringBuilder(
              "select "
                  + CHUNK_COLUMNS
                  + ", bm25(chunks_fts) as rank"
                  + " from chunks_fts join chunks c on c.id = chunks_fts.rowid where chunks_fts match ?");
      appendScope(sql, args, scope);
      sql.append(" order by rank, c.id limit ?");
    }
    return db.read(
        "keyword search",
        c -> {
          try (PreparedStatement p = c.prepareStatement(sql.toString())) {
            int i = 1;
            for (String arg : args) {
              p.setString(i++, arg);
            }
            p.setInt(i, limit);
            List<ScoredChunk> hits = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
              while (rs.next()) {
                hits.add(new ScoredChunk(chunk(rs), Math.max(0.0, -rs.getDouble(8))));
              }
            }
            return hits;
          }
        });
  }

  /** The chunks of the in-memory index's {@code hits}, in hit order, with their exact scores. */
  List<ScoredChunk> keywordChunks(List<TopK.Hit> hits) {
    if (hits.isEmpty()) {
      return List.of();
    }
    List<Long> ids = hits.stream().map(TopK.Hit::id).toList();
    Map<Long, StoredChunk> byId = db.read("read keyword hits", c -> chunksById(c, ids));
    List<ScoredChunk> out = new ArrayList<>(hits.size());
    for (TopK.Hit hit : hits) {
      StoredChunk chunk = byId.get(hit.id());
      if (chunk != null) {
        out.add(new ScoredChunk(chunk, hit.score()));
      }
    }
    return out;
  }

  static void appendScope(StringBuilder sql, List<String> args, SearchScope scope) {
    if (!scope.include().isEmpty()) {
      sql.append(" and c.source in (").append(placeholders(scope.include().size())).append(')');
      args.addAll(scope.include().stream().sorted().toList());
    }
    if (!scope.exclude().isEmpty()) {
      sql.append(" and c.source not in (").append(placeholders(scope.exclude().size())).append(')');
      args.addAll(scope.exclude().stream().sorted().toList());
    }
  }

  /**
   * The chunks for {@code hits} in hit order, keeping only those still stored and admitted by
   * {@code scope}.
   */
  List<ScoredChunk> resolve(List<Hit> hits, int limit, SearchScope scope) {
    if (hits.isEmpty()) {
      return List.of();
    }
    List<Long> ids = hits.stream().map(Hit::id).toList();
    Map<Long, StoredChunk> byId = db.read("read chunks", c -> chunksById(c, ids));
    List<ScoredChunk> out = new ArrayList<>(Math.min(limit, hits.size()));
    for (Hit hit : hits) {
      StoredChunk chunk = byId.get(hit.id());
      if (chunk != null && scope.admits(chunk.source())) {
        out.add(new ScoredChunk(chunk, hit.score()));
        if (out.size() == limit) {
          break;
        }
      }
    }
    return out;
  }

  /** The stored chunks of {@code ids} by id (absent ids are left out). */
  private static Map<Long, StoredChunk> chunksById(Connection c, List<Long> ids)
      throws SQLException {
    Map<Long, StoredChunk> byId = new HashMap<>();
    for (int from = 0; from < ids.size(); from += BATCH) {
      List<Long> part = ids.subList(from, Math.min(ids.size(), from + BATCH));
      try (PreparedStatement p =
          c.prepareStatement(
              "select "
                  + CHUNK_COLUMNS
                  + " from chunks c where c.id in ("
                  + placeholders(part.size())
                  + ")")) {
        for (int i = 0; i < part.size(); i++) {
          p.setLong(i + 1, part.get(i));
        }
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            StoredChunk chunk = chunk(rs);
            byId.put(chunk.id(), chunk);
          }
        }
      }
    }
    return byId;
  }

  /** How many chunks have a vector (all chunks less those in the small pending index). */
  static int vectorCount(Connection c) throws SQLException {
    try (PreparedStatement p =
            c.prepareStatement(
                "select (select count(*) from chunks)"
                    + " - (select count(*) from chunks where embedding is null)");
        ResultSet rs = p.executeQuery()) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  /** Streams every stored vector into {@code sink} in batches (for the lazy Java k-NN load). */
  static void loadVectors(Connection c, Consumer<List<Row>> sink) throws SQLException {
    try (PreparedStatement p =
            c.prepareStatement(
                "select id, source, embedding from chunks where embedding is not null"
                    + " union all select "
                    + WindowKeys.SQL
                    + ", c.source, w.embedding from chunk_windows w join chunks c on c.id = w.chunk_id");
        ResultSet rs = p.executeQuery()) {
      List<Row> batch = new ArrayList<>(1024);
      while (rs.next()) {
        batch.add(new Row(rs.getLong(1), rs.getString(2), VectorCodec.decode(rs.getBytes(3))));
        if (batch.size() == 1024) {
          sink.accept(batch);
          batch = new ArrayList<>(1024);
        }
      }
      sink.accept(batch);
    }
  }

  List<PendingChunk> chunksWithoutVector(int limit) {
    return db.read(
        "list chunks without a vector",
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "select id, hash, text from chunks where embedding is null order by id limit ?")) {
            p.setInt(1, limit);
            List<PendingChunk> out = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
              while (rs.next()) {
                out.add(new PendingChunk(rs.getLong(1), rs.getString(2), rs.getString(3)));
              }
            }
            return out;
          }
        });
  }

  Map<String, Embedding> cachedEmbeddings(String modelId, Collection<String> textHashes) {
    List<String> hashes = textHashes.stream().distinct().toList();
    if (hashes.isEmpty()) {
      return Map.of();
    }
    return db.read(
        "read embedding cache",
        c -> {
          Map<String, Embedding> found = new HashMap<>();
          for (int from = 0; from < hashes.size(); from += BATCH) {
            List<String> part = hashes.subList(from, Math.min(hashes.size(), from + BATCH));
            try (PreparedStatement p =
                c.prepareStatement(
                    "select hash, embedding from embedding_cache where model = ?"
                        + " and hash in ("
                        + placeholders(part.size())
                        + ")")) {
              p.setString(1, modelId);
              for (int i = 0; i < part.size(); i++) {
                p.setString(i + 2, part.get(i));
              }
              try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                  found.put(rs.getString(1), Embedding.of(VectorCodec.decode(rs.getBytes(2))));
                }
              }
            }
          }
          return found;
        });
  }

  /** Counts of files, chunks and embedded chunks. */
  int[] counts() {
    return db.read(
        "count",
        c -> {
          // Embedded = all - pending: the pending count reads the small partial index
          // chunks_pending, not every vector.
          try (PreparedStatement p =
                  c.prepareStatement(
                      "select (select count(*) from files), (select count(*) from chunks),"
                          + " (select count(*) from chunks) - (select count(*) from chunks where embedding is null)");
              ResultSet rs = p.executeQuery()) {
            rs.next();
            return new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3)};
          }
        });
  }

  static StoredChunk chunk(ResultSet rs) throws SQLException {
    return new StoredChunk(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getInt(4),
        rs.getInt(5),
        rs.getString(6),
        rs.getString(7));
  }

  static String placeholders(int n) {
    return String.join(", ", Collections.nCopies(n, "?"));
  }
}

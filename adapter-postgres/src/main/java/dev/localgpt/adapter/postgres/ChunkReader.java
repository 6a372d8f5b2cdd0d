package dev.localgpt.adapter.postgres;

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
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The read side. Files, pending chunks, stats and the cache are the own workspace's; searches cover
 * the own workspace plus the readable ones, and never any other.
 */
final class ChunkReader {
  private static final String CHUNK_COLUMNS =
      "id, path, source, start_line, end_line, heading_path, text";
  private static final String FILE_COLUMNS = "path, source, hash, mtime, size";

  private final PostgresDatabase db;
  private final String workspace;
  private final String[] searchable;

  ChunkReader(PostgresDatabase db, String workspace, Set<String> readable) {
    this.db = db;
    this.workspace = workspace;
    List<String> all = new ArrayList<>();
    all.add(workspace);
    readable.stream().filter(w -> !w.equals(workspace)).sorted().forEach(all::add);
    this.searchable = all.toArray(String[]::new);
  }

  List<IndexedFile> files() {
    return db.read(
        "list files",
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "select "
                      + FILE_COLUMNS
                      + " from memory_files where workspace = ? order by path")) {
            p.setString(1, workspace);
            try (ResultSet rs = p.executeQuery()) {
              List<IndexedFile> files = new ArrayList<>();
              while (rs.next()) {
                files.add(file(rs));
              }
              return files;
            }
          }
        });
  }

  Optional<IndexedFile> file(String path) {
    return db.read(
        "read file " + path,
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "select "
                      + FILE_COLUMNS
                      + " from memory_files where workspace = ? and path = ?")) {
            p.setString(1, workspace);
            p.setString(2, path);
            try (ResultSet rs = p.executeQuery()) {
              return rs.next() ? Optional.of(file(rs)) : Optional.empty();
            }
          }
        });
  }

  List<PendingChunk> chunksWithoutVector(int limit) {
    return db.read(
        "list chunks without a vector",
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "select id, hash, text from memory_chunks"
                      + " where workspace = ? and embedding is null order by id limit ?")) {
            p.setString(1, workspace);
            p.setInt(2, limit);
            try (ResultSet rs = p.executeQuery()) {
              List<PendingChunk> pending = new ArrayList<>();
              while (rs.next()) {
                pending.add(new PendingChunk(rs.getLong(1), rs.getString(2), rs.getString(3)));
              }
              return pending;
            }
          }
        });
  }

  /**
   * Every position weighs 1 in {@code ts_rank}: a word matched once then scores ~0.6, like a weak
   * BM25 match. With the default weights unlabelled text counts 0.1, and core's relevance floor
   * dropped every keyword-only hit.
   */
  List<ScoredChunk> keywordSearch(String text, int limit, SearchScope scope) {
    Optional<String> query = TsQuery.of(text);
    if (query.isEmpty()) {
      return List.of();
    }
    return db.read(
        "keyword search",
        c -> {
          List<Object> params = new ArrayList<>(List.of(query.get(), query.get(), searchable));
          String sql =
              "select "
                  + CHUNK_COLUMNS
                  + ", ts_rank('{1,1,1,1}', tsv, to_tsquery('english', ?)) as score"
                  + " from memory_chunks"
                  + " where tsv @@ to_tsquery('english', ?) and workspace = any(?)"
                  + scopeSql(scope, params)
                  + " order by score desc, id limit ?";
          params.add(limit);
          return scored(c, sql, params);
        });
  }

  List<ScoredChunk> vectorSearch(float[] query, int limit, SearchScope scope) {
    VectorQuery q = new VectorQuery(query, limit, scope, searchable, CHUNK_COLUMNS);
    return db.transaction("vector search", q::run);
  }

  /** The plan and timing of {@link #vectorSearch} for the same arguments. */
  String explainVectorSearch(float[] query, int limit, SearchScope scope) {
    VectorQuery q = new VectorQuery(query, limit, scope, searchable, CHUNK_COLUMNS);
    return db.transaction("explain vector search", q::explain);
  }

  /** Refreshes the planner's statistics of the chunk table. */
  void analyze() {
    db.read(
        "analyze the chunk table",
        c -> {
          try (Statement s = c.createStatement()) {
            s.execute("analyze memory_chunks");
          }
          return null;
        });
  }

  Map<String, Embedding> cachedEmbeddings(String modelId, Collection<String> textHashes) {
    if (textHashes.isEmpty()) {
      return Map.of();
    }
    return db.read(
        "read embedding cache",
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "select hash, embedding from memory_embedding_cache"
                      + " where workspace = ? and model = ? and hash = any(?)")) {
            p.setString(1, workspace);
            p.setString(2, modelId);
            p.setArray(3, c.createArrayOf("text", textHashes.toArray()));
            try (ResultSet rs = p.executeQuery()) {
              Map<String, Embedding> found = new HashMap<>();
              while (rs.next()) {
                found.put(rs.getString(1), Embedding.of(Vectors.decode(rs.getBytes(2))));
              }
              return found;
            }
          }
        });
  }

  /** Files, chunks and embedded chunks of the own workspace. */
  int[] counts() {
    return db.read(
        "count rows",
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "select (select count(*) from memory_files where workspace = ?),"
                      + " (select count(*) from memory_chunks where workspace = ?),"
                      + " (select count(*) from memory_chunks where workspace = ? and embedding is not null)")) {
            for (int i = 1; i <= 3; i++) {
              p.setString(i, workspace);
            }
            try (ResultSet rs = p.executeQuery()) {
              rs.next();
              return new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3)};
            }
          }
        });
  }

  /** Bytes of the shared tables and their indexes (all workspaces together). */
  long sizeBytes() {
    return db.read(
        "measure tables",
        c -> {
          try (Statement s = c.createStatement();
              ResultSet rs =
                  s.executeQuery(
                      "select pg_total_relation_size('memory_chunks')"
                          + " + pg_total_relation_size('memory_files') + pg_total_relation_size('memory_embedding_cache')")) {
            return rs.next() ? rs.getLong(1) : 0L;
          }
        });
  }

  static String scopeSql(SearchScope scope, List<Object> params) {
    StringBuilder sql = new StringBuilder();
    if (!scope.include().isEmpty()) {
      sql.append(" and source = any(?)");
      params.add(scope.include().toArray(String[]::new));
    }
    if (!scope.exclude().isEmpty()) {
      sql.append(" and source <> all(?)");
      params.add(scope.exclude().toArray(String[]::new));
    }
    return sql.toString();
  }

  static List<ScoredChunk> scored(Connection c, String sql, List<Object> params)
      throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      bind(c, p, params);
      try (ResultSet rs = p.executeQuery()) {
        List<ScoredChunk> hits = new ArrayList<>();
        while (rs.next()) {
          hits.add(
              new ScoredChunk(
                  new StoredChunk(
                      rs.getLong(1),
                      rs.getString(2),
                      rs.getString(3),
                      rs.getInt(4),
                      rs.getInt(5),
                      rs.getString(6),
                      rs.getString(7)),
                  rs.getDouble(8)));
        }
        return hits;
      }
    }
  }

  static void bind(Connection c, PreparedStatement p, List<Object> params) throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      Object v = params.get(i);
      if (v instanceof String[] array) {
        p.setArray(i + 1, c.createArrayOf("text", array));
      } else {
        p.setObject(i + 1, v);
      }
    }
  }

  private static IndexedFile file(ResultSet rs) throws SQLException {
    return new IndexedFile(
        rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5));
  }
}

package dev.localgpt.adapter.postgres;

import dev.localgpt.ports.memory.ScoredChunk;
import dev.localgpt.ports.memory.SearchScope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The k-NN statement of one search and the settings it runs with, so that the search and {@code
 * EXPLAIN} of it run exactly the same SQL.
 *
 * <p>pgvector's HNSW walk keeps {@code hnsw.ef_search} candidates; recall@10 rises with it (random
 * 384-d vectors, 10k rows: 0.29 at the default 40, 0.52 at 100, 0.94 at 400; clustered ones reach
 * 1.0 at 40). It is at least {@link #MIN_EF_SEARCH} and twice the limit. The workspace and source
 * filters apply after the walk, so the iterative scan ({@code relaxed_order}) goes on walking until
 * the limit is filled; its slightly unordered rows are sorted again outside the materialized CTE
 * ({@code + 0} keeps PostgreSQL 17+ from taking the CTE's order as already sorted).
 */
final class VectorQuery {
  /** The least number of HNSW candidates a search keeps. */
  static final int MIN_EF_SEARCH = 100;

  /** pgvector's upper bound of {@code hnsw.ef_search}. */
  static final int MAX_EF_SEARCH = 1000;

  private final String sql;
  private final List<Object> params = new ArrayList<>();
  private final int limit;

  VectorQuery(float[] query, int limit, SearchScope scope, String[] searchable, String columns) {
    int d = query.length;
    this.limit = limit;
    params.add(Vectors.text(query));
    params.add(searchable);
    String distance = "embedding::vector(" + d + ") <=> ?::vector(" + d + ")";
    // The nearest chunks by their first window and the nearest later windows (table
    // memory_chunk_windows), each chunk scored by its best window.
    String chunks =
        "nearest as materialized (select id, "
            + distance
            + " as distance from memory_chunks where dims = "
            + d
            + " and workspace = any(?)"
            + ChunkReader.scopeSql(scope, params)
            + " order by distance limit ?)";
    params.add(limit);
    params.add(Vectors.text(query));
    params.add(searchable);
    String windows =
        "windows as materialized (select chunk_id as id, "
            + distance
            + " as distance from memory_chunk_windows where dims = "
            + d
            + " and workspace = any(?)"
            + ChunkReader.scopeSql(scope, params)
            + " order by distance limit ?)";
    params.add(Math.min(Integer.MAX_VALUE / 2, limit) * 2);
    this.sql =
        "with "
            + chunks
            + ", "
            + windows
            + ", best as (select id, min(distance) as distance from (select id, distance from nearest"
            + " union all select id, distance from windows) u group by id) select "
            + columns
            + ", 1 - best.distance as score from best join memory_chunks using (id)"
            + " order by best.distance + 0, id limit ?";
    params.add(limit);
  }

  /** HNSW candidates kept for a search of {@code limit} hits. */
  static int efSearch(int limit) {
    return Math.max(MIN_EF_SEARCH, Math.min(MAX_EF_SEARCH, 2 * limit));
  }

  /** The hits, best first; {@code c} must be in a transaction (the settings are local to it). */
  List<ScoredChunk> run(Connection c) throws SQLException {
    configure(c);
    return ChunkReader.scored(c, sql, params);
  }

  /** {@code EXPLAIN (ANALYZE)} of the same statement with the same settings, one line per row. */
  String explain(Connection c) throws SQLException {
    configure(c);
    try (PreparedStatement p = c.prepareStatement("explain (analyze, buffers off) " + sql)) {
      ChunkReader.bind(c, p, params);
      try (ResultSet rs = p.executeQuery()) {
        StringBuilder plan = new StringBuilder();
        while (rs.next()) {
          plan.append(rs.getString(1)).append('\n');
        }
        return plan.toString();
      }
    }
  }

  private void configure(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("set local hnsw.ef_search = " + efSearch(limit));
      s.execute("set local hnsw.iterative_scan = relaxed_order");
    }
  }
}

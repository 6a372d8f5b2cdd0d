package dev.localgpt.adapter.sqlite;

import dev.localgpt.adapter.sqlite.TopK.Hit;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The sqlite-vec side: a {@code vec0} table {@code chunks_vec} with cosine distance, kept in sync
 * with chunks; its rows are window vectors keyed by {@link WindowKeys}.
 */
final class Vec0Knn {
  static final String TABLE = "chunks_vec";

  /** The largest {@code k} sqlite-vec accepts in one KNN query. */
  static final int MAX_K = 4096;

  private Vec0Knn() {}

  /**
   * Drops and recreates the table for {@code dim}-dimensional vectors and fills it from {@code
   * chunks}.
   */
  static void rebuild(Connection c, int dim) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("drop table if exists " + TABLE);
      s.execute(
          "create virtual table "
              + TABLE
              + " using vec0(chunk_id integer primary key, embedding float["
              + dim
              + "] distance_metric=cosine)");
      s.execute(
          "insert into "
              + TABLE
              + "(chunk_id, embedding) select id, embedding from chunks"
              + " where embedding is not null and length(embedding) = "
              + (dim * Float.BYTES));
      s.execute(
          "insert into "
              + TABLE
              + "(chunk_id, embedding) select "
              + WindowKeys.SQL
              + ", w.embedding from chunk_windows w where length(w.embedding) = "
              + (dim * Float.BYTES));
    }
  }

  static void delete(Connection c, List<Long> ids) throws SQLException {
    if (ids.isEmpty()) {
      return;
    }
    try (PreparedStatement p = c.prepareStatement("delete from " + TABLE + " where chunk_id = ?")) {
      for (long id : ids) {
        p.setLong(1, id);
        p.addBatch();
      }
      p.executeBatch();
    }
  }

  static void insert(Connection c, List<JavaKnn.Row> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    try (PreparedStatement p =
        c.prepareStatement("insert into " + TABLE + "(chunk_id, embedding) values (?, ?)")) {
      for (JavaKnn.Row row : rows) {
        p.setLong(1, row.id());
        p.setBytes(2, VectorCodec.encode(row.vector()));
        p.addBatch();
      }
      p.executeBatch();
    }
  }

  /** The {@code k} nearest rows, best first, with score = 1 - cosine distance. */
  static List<Hit> search(Connection c, float[] query, int k) throws SQLException {
    List<Hit> hits = new ArrayList<>(k);
    try (PreparedStatement p =
        c.prepareStatement(
            "select chunk_id, distance from "
                + TABLE
                + " where embedding match ? and k = ? order by distance")) {
      p.setBytes(1, VectorCodec.encode(query));
      p.setInt(2, k);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          hits.add(new Hit(rs.getLong(1), (float) (1.0 - rs.getDouble(2))));
        }
      }
    }
    hits.sort(
        (a, b) ->
            a.score() != b.score()
                ? Double.compare(b.score(), a.score())
                : Long.compare(a.id(), b.id()));
    return hits;
  }
}

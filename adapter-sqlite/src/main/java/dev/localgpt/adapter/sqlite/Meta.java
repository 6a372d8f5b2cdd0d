package dev.localgpt.adapter.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Key-value rows of the {@code meta} table. */
final class Meta {
  static final String EMBEDDING_MODEL = "embedding_model";
  static final String EMBEDDING_DIMS = "embedding_dims";

  /** The chunker version the stored chunks were cut with. */
  static final String CHUNKING = "chunking_version";

  /**
   * Set when chunks changed while sqlite-vec was not loaded, so {@code chunks_vec} must be rebuilt.
   */
  static final String VEC_STALE = "vec_stale";

  private Meta() {}

  static Optional<String> get(Connection c, String key) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("select value from meta where key = ?")) {
      p.setString(1, key);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  static void put(Connection c, String key, String value) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "insert into meta(key, value) values (?, ?) on conflict(key) do update set value = excluded.value")) {
      p.setString(1, key);
      p.setString(2, value);
      p.executeUpdate();
    }
  }

  static void remove(Connection c, String key) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("delete from meta where key = ?")) {
      p.setString(1, key);
      p.executeUpdate();
    }
  }
}

package dev.localgpt.adapter.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Per-workspace key/value state: the embedding model, the dimension of the stored vectors, the
 * chunking version.
 */
final class Meta {
  static final String EMBEDDING_MODEL = "embedding_model";
  static final String EMBEDDING_DIMS = "embedding_dims";

  /** The chunker version the stored chunks were cut with. */
  static final String CHUNKING = "chunking_version";

  private Meta() {}

  static Optional<String> get(Connection c, String workspace, String key) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement("select value from memory_meta where workspace = ? and key = ?")) {
      p.setString(1, workspace);
      p.setString(2, key);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  static int dims(Connection c, String workspace) throws SQLException {
    return get(c, workspace, EMBEDDING_DIMS).map(Integer::parseInt).orElse(0);
  }

  static void put(Connection c, String workspace, String key, String value) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "insert into memory_meta(workspace, key, value) values (?, ?, ?)"
                + " on conflict (workspace, key) do update set value = excluded.value")) {
      p.setString(1, workspace);
      p.setString(2, key);
      p.setString(3, value);
      p.executeUpdate();
    }
  }
}

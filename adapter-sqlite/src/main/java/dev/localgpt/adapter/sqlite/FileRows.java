package dev.localgpt.adapter.sqlite;

import dev.localgpt.adapter.sqlite.JavaKnn.Row;
import dev.localgpt.ports.embedding.Embedding;
import dev.localgpt.ports.memory.IndexedFile;
import dev.localgpt.ports.memory.NewChunk;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The statements on one file's rows ({@code files}, {@code chunks}); the caller holds the write
 * transaction.
 */
final class FileRows {
  private FileRows() {}

  /** Deletes the file's chunks; returns their ids and window keys (for the vector tables). */
  static List<Long> deleteChunks(Connection c, String path) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement p =
        c.prepareStatement(
            "select id from chunks where path = ? union all select "
                + WindowKeys.SQL
                + " from chunk_windows w join chunks c on c.id = w.chunk_id where c.path = ?")) {
      p.setString(1, path);
      p.setString(2, path);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
    }
    if (!ids.isEmpty()) {
      try (PreparedStatement p = c.prepareStatement("delete from chunks where path = ?")) {
        p.setString(1, path);
        p.executeUpdate();
      }
    }
    return ids;
  }

  /** Inserts or updates the file's row. */
  static void upsert(Connection c, IndexedFile f) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            """
        insert into files(path, source, hash, mtime, size) values (?, ?, ?, ?, ?)
        on conflict(path) do update set source = excluded.source, hash = excluded.hash,
          mtime = excluded.mtime, size = excluded.size""")) {
      p.setString(1, f.path());
      p.setString(2, f.source());
      p.setString(3, f.hash());
      p.setLong(4, f.modifiedMillis());
      p.setLong(5, f.size());
      p.executeUpdate();
    }
  }

  /** Inserts the chunks with fresh ids; returns the rows that carry a vector. */
  static Inserted insertChunks(Connection c, IndexedFile f, List<NewChunk> chunks)
      throws SQLException {
    List<Row> vectors = new ArrayList<>();
    if (chunks.isEmpty()) {
      return new Inserted(0, vectors);
    }
    long first;
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select coalesce(max(id), 0) + 1 from chunks")) {
      rs.next();
      first = rs.getLong(1);
    }
    long next = first;
    try (PreparedStatement p =
        c.prepareStatement(
            """
        insert into chunks(id, path, source, start_line, end_line, heading_path, text, hash, embedding)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
      for (NewChunk chunk : chunks) {
        long id = next++;
        p.setLong(1, id);
        p.setString(2, f.path());
        p.setString(3, f.source());
        p.setInt(4, chunk.startLine());
        p.setInt(5, chunk.endLine());
        p.setString(6, chunk.headingPath());
        p.setString(7, chunk.text());
        p.setString(8, chunk.textHash());
        if (chunk.embedding() == null) {
          p.setNull(9, Types.BLOB);
        } else {
          float[] v = chunk.embedding().toArray();
          p.setBytes(9, VectorCodec.encode(v));
          vectors.add(new Row(id, f.source(), v));
        }
        p.addBatch();
      }
      p.executeBatch();
    }
    return new Inserted(first, vectors);
  }

  /**
   * What {@link #insertChunks} wrote: chunk {@code i} got id {@code firstId + i}; {@code vectors}
   * are the rows of the chunks that came with a vector.
   */
  record Inserted(long firstId, List<Row> vectors) {}

  /**
   * What {@link #updateVectors} changed: the keys whose vectors went (the chunks' and their old
   * windows') and the rows added, keyed by {@link WindowKeys}.
   */
  record Updated(List<Long> removed, List<Row> added) {}

  /**
   * Sets the window vectors of the chunks that still exist: the first in {@code chunks}, the others
   * in {@code chunk_windows}, replacing what was there.
   */
  static Updated updateVectors(Connection c, Map<Long, List<Embedding>> byChunkId)
      throws SQLException {
    List<Long> removed = new ArrayList<>();
    List<Row> rows = new ArrayList<>(byChunkId.size());
    try (PreparedStatement select = c.prepareStatement("select source from chunks where id = ?");
        PreparedStatement oldWindows =
            c.prepareStatement("select n from chunk_windows where chunk_id = ?");
        PreparedStatement drop =
            c.prepareStatement("delete from chunk_windows where chunk_id = ?");
        PreparedStatement update =
            c.prepareStatement("update chunks set embedding = ? where id = ?");
        PreparedStatement insert =
            c.prepareStatement(
                "insert into chunk_windows(chunk_id, n, embedding) values (?, ?, ?)")) {
      for (Map.Entry<Long, List<Embedding>> e : byChunkId.entrySet()) {
        long id = e.getKey();
        select.setLong(1, id);
        String source;
        try (ResultSet rs = select.executeQuery()) {
          if (!rs.next()) {
            continue;
          }
          source = rs.getString(1);
        }
        removed.add(id);
        oldWindows.setLong(1, id);
        try (ResultSet rs = oldWindows.executeQuery()) {
          while (rs.next()) {
            removed.add(WindowKeys.key(id, rs.getInt(1)));
          }
        }
        drop.setLong(1, id);
        drop.executeUpdate();
        List<Embedding> windows = e.getValue();
        for (int n = 0; n < windows.size(); n++) {
          float[] v = windows.get(n).toArray();
          if (n == 0) {
            update.setBytes(1, VectorCodec.encode(v));
            update.setLong(2, id);
            update.addBatch();
          } else {
            insert.setLong(1, id);
            insert.setInt(2, n);
            insert.setBytes(3, VectorCodec.encode(v));
            insert.addBatch();
          }
          rows.add(new Row(WindowKeys.key(id, n), source, v));
        }
      }
      update.executeBatch();
      insert.executeBatch();
    }
    return new Updated(removed, rows);
  }

  /** Deletes the file's row (its chunks are deleted separately). */
  static void deleteFile(Connection c, String path) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("delete from files where path = ?")) {
      p.setString(1, path);
      p.executeUpdate();
    }
  }
}

package dev.localgpt.adapter.postgres;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Vector encodings (pgvector's text form for chunk vectors, little-endian float32 bytes for the
 * cache) and the HNSW indexes: one partial index per dimension on {@code embedding::vector(N)} with
 * cosine distance, made on first use.
 */
final class Vectors {
  /**
   * pgvector's HNSW indexes {@code vector} up to this many dimensions; larger ones are searched
   * exactly.
   */
  static final int HNSW_MAX_DIMS = 2000;

  private final Set<Integer> indexed = ConcurrentHashMap.newKeySet();

  /** {@code [x,y,z]}, what {@code ?::vector} parses. */
  static String text(float[] v) {
    StringBuilder b = new StringBuilder(v.length * 10 + 2).append('[');
    for (int i = 0; i < v.length; i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append(v[i]);
    }
    return b.append(']').toString();
  }

  /** Parses pgvector's text form. */
  static float[] parse(String text) {
    String body = text.substring(1, text.length() - 1);
    if (body.isBlank()) {
      return new float[0];
    }
    String[] parts = body.split(",");
    float[] v = new float[parts.length];
    for (int i = 0; i < parts.length; i++) {
      v[i] = Float.parseFloat(parts[i].strip());
    }
    return v;
  }

  static byte[] encode(float[] v) {
    ByteBuffer b = ByteBuffer.allocate(v.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    for (float f : v) {
      b.putFloat(f);
    }
    return b.array();
  }

  static float[] decode(byte[] bytes) {
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    float[] v = new float[bytes.length / Float.BYTES];
    for (int i = 0; i < v.length; i++) {
      v[i] = b.getFloat();
    }
    return v;
  }

  static String indexName(int dims) {
    return "memory_chunks_hnsw_" + dims;
  }

  /**
   * Makes sure the HNSW index for {@code dims} exists, inside the caller's transaction. Creation is
   * serialised across processes by an advisory lock, so two servers never race on the same index
   * name.
   */
  void ensureIndex(Connection c, int dims) throws SQLException {
    if (dims < 1 || dims > HNSW_MAX_DIMS || indexed.contains(dims)) {
      return;
    }
    try (Statement s = c.createStatement()) {
      s.execute("select pg_advisory_xact_lock(hashtext('localgpt:hnsw'))");
      s.execute(
          "create index if not exists "
              + indexName(dims)
              + " on memory_chunks using hnsw ((embedding::vector("
              + dims
              + ")) vector_cosine_ops) where dims = "
              + dims);
      s.execute(
          "create index if not exists memory_chunk_windows_hnsw_"
              + dims
              + " on memory_chunk_windows using hnsw ((embedding::vector("
              + dims
              + ")) vector_cosine_ops) where dims = "
              + dims);
    }
    indexed.add(dims);
  }

  /** Forgets what it knows (after a rollback the index may not exist). */
  void forget(int dims) {
    indexed.remove(dims);
  }
}

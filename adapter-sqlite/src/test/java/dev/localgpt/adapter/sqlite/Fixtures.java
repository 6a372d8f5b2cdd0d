package dev.localgpt.adapter.sqlite;

import dev.localgpt.ports.embedding.Embedding;
import dev.localgpt.ports.memory.IndexedFile;
import dev.localgpt.ports.memory.NewChunk;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Random;

/** Small builders for test data. */
final class Fixtures {
  private Fixtures() {}

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static IndexedFile file(String path, String source) {
    return new IndexedFile(path, source, sha256(path), 1_700_000_000_000L, 100);
  }

  static IndexedFile file(String path) {
    return file(path, "memory");
  }

  static NewChunk chunk(int line, String text) {
    return new NewChunk(line, line + 2, "Notes > " + line, text, sha256(text), null);
  }

  static NewChunk chunk(int line, String text, Embedding embedding) {
    return new NewChunk(line, line + 2, "", text, sha256(text), embedding);
  }

  static Embedding randomUnit(Random random, int dim) {
    float[] v = new float[dim];
    for (int i = 0; i < dim; i++) {
      v[i] = (float) random.nextGaussian();
    }
    return Embedding.normalized(v);
  }

  /** A unit vector pointing along axis {@code axis}, slightly tilted towards {@code tilt}. */
  static Embedding axis(int dim, int axis, int tilt, float amount) {
    float[] v = new float[dim];
    v[axis] = 1f;
    v[tilt] += amount;
    return Embedding.normalized(v);
  }

  static Optional<java.nio.file.Path> sqliteVec() {
    return SqliteOptions.findSqliteVec();
  }
}

package dev.localgpt.app.bench;

import dev.localgpt.core.config.MemoryConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Helpers shared by the benchmarks: a memory config over a scratch workspace, scratch folders,
 * clean-up.
 */
final class BenchConfigs {
  private BenchConfigs() {}

  /**
   * {@code base} with {@code workspace}, no extra roots, no isolated silos and no recency decay.
   */
  static MemoryConfig withWorkspace(MemoryConfig b, Path workspace) {
    return new MemoryConfig(
        workspace,
        b.embeddingProvider(),
        b.embeddingModel(),
        b.chunkSize(),
        b.chunkOverlap(),
        List.of(),
        b.vectorWeight(),
        b.textWeight(),
        List.of(),
        b.mmr(),
        0,
        b.maxResults(),
        b.fusion(),
        b.vectorBackend(),
        b.embeddingBatchSize());
  }

  /** {@code base} with another embedding provider ({@code none} for keyword-only runs). */
  static MemoryConfig withProvider(MemoryConfig b, String provider) {
    return new MemoryConfig(
        b.workspace(),
        provider,
        b.embeddingModel(),
        b.chunkSize(),
        b.chunkOverlap(),
        b.paths(),
        b.vectorWeight(),
        b.textWeight(),
        b.isolatedSilos(),
        b.mmr(),
        b.temporalDecayHalfLifeDays(),
        b.maxResults(),
        b.fusion(),
        b.vectorBackend(),
        b.embeddingBatchSize());
  }

  /** A new folder in the system's temporary directory. */
  static Path tempDir(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory: " + e.getMessage(), e);
    }
  }

  /** {@code dir}, created if missing. */
  static Path folder(Path dir) {
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
    }
  }

  static void deleteTree(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // Best effort: the OS cleans its temp folder.
    }
  }
}

package dev.localgpt.cli.commands;

import dev.localgpt.core.config.MemoryConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Helpers shared by the benchmarks: a memory config over a scratch workspace, and clean-up. */
final class BenchConfigs {
  private BenchConfigs() {}

  /** {@code base} with {@code workspace} and no extra roots. */
  static MemoryConfig withWorkspace(MemoryConfig b, Path workspace) {
    return new MemoryConfig(workspace, b.embeddingProvider(), b.embeddingModel(), b.chunkSize(), b.chunkOverlap(),
        List.of(), b.vectorWeight(), b.textWeight(), List.of(), b.mmr(), 0, b.maxResults(), b.fusion(),
        b.vectorBackend(), b.embeddingBatchSize());
  }

  /** {@code base} with another vector backend. */
  static MemoryConfig withBackend(MemoryConfig b, String backend) {
    return new MemoryConfig(b.workspace(), b.embeddingProvider(), b.embeddingModel(), b.chunkSize(),
        b.chunkOverlap(), b.paths(), b.vectorWeight(), b.textWeight(), b.isolatedSilos(), b.mmr(),
        b.temporalDecayHalfLifeDays(), b.maxResults(), b.fusion(), backend, b.embeddingBatchSize());
  }

  /** {@code base} with another embedding provider ({@code none} for keyword-only runs). */
  static MemoryConfig withProvider(MemoryConfig b, String provider) {
    return new MemoryConfig(b.workspace(), provider, b.embeddingModel(), b.chunkSize(), b.chunkOverlap(), b.paths(),
        b.vectorWeight(), b.textWeight(), b.isolatedSilos(), b.mmr(), b.temporalDecayHalfLifeDays(),
        b.maxResults(), b.fusion(), b.vectorBackend(), b.embeddingBatchSize());
  }

  static void deleteTree(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // Best effort: the OS cleans its temp folder.
    }
  }
}

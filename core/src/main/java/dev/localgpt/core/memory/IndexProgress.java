package dev.localgpt.core.memory;

import java.time.Duration;
import java.util.Optional;

/**
 * How far an indexing run is. A run has two phases: {@link Phase#KEYWORDS} reads, chunks and writes
 * every changed file (after it keyword search finds everything), then {@link Phase#VECTORS} embeds
 * the chunks that have no vector yet, batch by batch.
 *
 * @param phase the phase running
 * @param filesDone files handled so far
 * @param filesTotal files found by the scan
 * @param chunks chunks written so far
 * @param vectorsDone chunks given a vector so far in the vector phase (embedded or from the
 *     embedding cache)
 * @param vectorsTotal chunks that had no vector when the vector phase began
 * @param elapsed time since the current phase started
 */
public record IndexProgress(
    Phase phase,
    int filesDone,
    int filesTotal,
    int chunks,
    int vectorsDone,
    int vectorsTotal,
    Duration elapsed) {

  /** The two phases of a run. */
  public enum Phase {
    /** Files are read, chunked and written with their keyword rows. */
    KEYWORDS,
    /** Chunks without a vector are embedded. */
    VECTORS
  }

  /** Work units done and to do in this phase: files for keywords, chunks for vectors. */
  public int done() {
    return phase == Phase.KEYWORDS ? filesDone : vectorsDone;
  }

  public int total() {
    return phase == Phase.KEYWORDS ? filesTotal : vectorsTotal;
  }

  /** Chunks per second in this phase: written (keywords) or given a vector (vectors). */
  public double chunksPerSecond() {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds <= 0 ? 0 : (phase == Phase.KEYWORDS ? chunks : vectorsDone) / seconds;
  }

  /** The time left in this phase at the rate so far; empty before there is a rate. */
  public Optional<Duration> eta() {
    int left = total() - done();
    if (left <= 0) {
      return Optional.of(Duration.ZERO);
    }
    double seconds = elapsed.toNanos() / 1e9;
    if (done() == 0 || seconds <= 0) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofMillis(Math.round(left * seconds / done() * 1000)));
  }
}

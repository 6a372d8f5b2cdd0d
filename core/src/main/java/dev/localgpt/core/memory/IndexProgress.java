package dev.localgpt.core.memory;

import java.time.Duration;

/**
 * How far an indexing run is.
 *
 * @param filesDone files handled so far
 * @param filesTotal files found by the scan
 * @param chunks chunks written so far
 * @param embedded chunk texts embedded so far (cache misses)
 * @param elapsed time since the run started
 */
public record IndexProgress(int filesDone, int filesTotal, int chunks, int embedded, Duration elapsed) {

  /** Chunks written per second so far. */
  public double chunksPerSecond() {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds <= 0 ? 0 : chunks / seconds;
  }

  /** Files handled per second so far. */
  public double filesPerSecond() {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds <= 0 ? 0 : filesDone / seconds;
  }
}

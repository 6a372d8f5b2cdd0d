package dev.localgpt.app.daemon;

/**
 * When {@link IdleHeapTrim} runs: at a check that saw no collection since the previous check (the
 * daemon has gone quiet), when there were collections since the last trim (it did work worth
 * trimming after), and at most once per {@link #SPACING_NANOS}. So a burst of work is followed by
 * one trim, an idle daemon is left alone, and a daemon under light steady load trims at most every
 * few seconds.
 */
final class IdleTrimPolicy {
  static final long SPACING_NANOS = 10_000_000_000L;

  private long collectionsAtLastCheck = -1;
  private long collectionsAfterTrim;
  private long lastTrimNanos;
  private boolean trimmedOnce;

  /** Whether to trim now, given the collectors' total count; call once per check. */
  boolean shouldTrim(long collections, long nowNanos) {
    boolean quiet = collections == collectionsAtLastCheck;
    collectionsAtLastCheck = collections;
    boolean worked = collections > collectionsAfterTrim;
    boolean spaced = !trimmedOnce || nowNanos - lastTrimNanos >= SPACING_NANOS;
    return quiet && worked && spaced;
  }

  /** Records the state a trim left (its own collection is not work). */
  void trimmed(long collections, long nowNanos) {
    collectionsAtLastCheck = collections;
    collectionsAfterTrim = collections;
    lastTrimNanos = nowNanos;
    trimmedOnce = true;
  }
}

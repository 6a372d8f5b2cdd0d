package dev.localgpt.app.daemon;

/**
 * When {@link IdleHeapTrim} runs: once the daemon has been quiet for {@link #QUIET_CHECKS} checks
 * in a row (no request arrived and no collection ran), when collections ran since the last trim (it
 * did work worth trimming after), and at most once per {@link #SPACING_NANOS}. So a burst of work
 * is followed by one trim, an idle daemon is left alone, a busy one is never paused, and one under
 * light load (a chat now and then) trims at most every few seconds.
 */
final class IdleTrimPolicy {
  static final int QUIET_CHECKS = 2;
  static final long SPACING_NANOS = 10_000_000_000L;

  private long activityAtLastCheck = -1;
  private int quietChecks;
  private long collectionsAfterTrim;
  private long lastTrimNanos;
  private boolean trimmedOnce;

  /**
   * Whether to trim now, given the collectors' total count and the requests received so far; call
   * once per check.
   */
  boolean shouldTrim(long collections, long requests, long nowNanos) {
    long activity = collections + requests;
    quietChecks = activity == activityAtLastCheck ? quietChecks + 1 : 0;
    activityAtLastCheck = activity;
    boolean worked = collections > collectionsAfterTrim;
    boolean spaced = !trimmedOnce || nowNanos - lastTrimNanos >= SPACING_NANOS;
    return quietChecks >= QUIET_CHECKS && worked && spaced;
  }

  /** Records the state a trim left (its own collection is not work). */
  void trimmed(long collections, long requests, long nowNanos) {
    activityAtLastCheck = collections + requests;
    collectionsAfterTrim = collections;
    lastTrimNanos = nowNanos;
    trimmedOnce = true;
  }
}

package dev.localgpt.core.session;

/** What {@link Compactor#compact} did. */
public sealed interface CompactionOutcome {

  /** Nothing to compact (too few messages, or only the kept tail). */
  record Skipped(String reason) implements CompactionOutcome {}

  /**
   * Older turns were checkpointed, summarised and replaced.
   *
   * @param checkpointPath the daily note the facts went to (workspace-relative)
   * @param summarisedMessages how many messages the summary replaces
   * @param keptMessages how many recent messages were kept verbatim
   * @param summaryFromModel false when the plain extract was used
   */
  record Compacted(
      String checkpointPath,
      int summarisedMessages,
      int keptMessages,
      int tokensBefore,
      int tokensAfter,
      boolean summaryFromModel)
      implements CompactionOutcome {}
}

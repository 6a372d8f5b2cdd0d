package dev.localgpt.app.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdleTrimPolicyTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void trimsOnceWhenTheCollectionsStopAfterABurstOfWork() {
    IdleTrimPolicy policy = new IdleTrimPolicy();
    assertThat(policy.shouldTrim(5, 0)).as("first check: nothing to compare with").isFalse();
    assertThat(policy.shouldTrim(9, SECOND / 2)).as("still collecting: busy").isFalse();
    assertThat(policy.shouldTrim(9, SECOND)).as("quiet after work").isTrue();
    policy.trimmed(10, SECOND);

    assertThat(policy.shouldTrim(10, 20 * SECOND)).as("idle since the trim").isFalse();
    assertThat(policy.shouldTrim(10, 60 * SECOND)).isFalse();
  }

  @Test
  void aDaemonUnderSteadyLoadTrimsAtMostOncePerSpacing() {
    IdleTrimPolicy policy = new IdleTrimPolicy();
    policy.shouldTrim(1, 0);
    assertThat(policy.shouldTrim(1, SECOND / 2)).isTrue();
    policy.trimmed(2, SECOND / 2);

    policy.shouldTrim(3, SECOND);
    assertThat(policy.shouldTrim(3, 2 * SECOND))
        .as("quiet after new work, but sooner than the spacing")
        .isFalse();
    assertThat(policy.shouldTrim(3, SECOND / 2 + IdleTrimPolicy.SPACING_NANOS)).isTrue();
  }
}

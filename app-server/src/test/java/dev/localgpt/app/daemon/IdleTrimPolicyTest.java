package dev.localgpt.app.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdleTrimPolicyTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void trimsOnceWhenRequestsAndCollectionsStopAfterABurstOfWork() {
    IdleTrimPolicy policy = new IdleTrimPolicy();
    assertThat(policy.shouldTrim(5, 100, 0)).as("first check: nothing to compare with").isFalse();
    assertThat(policy.shouldTrim(9, 180, 1)).as("busy").isFalse();
    assertThat(policy.shouldTrim(9, 180, 2)).as("quiet for one check only").isFalse();
    assertThat(policy.shouldTrim(9, 180, 3)).as("quiet after work").isTrue();
    policy.trimmed(10, 180, 3);

    assertThat(policy.shouldTrim(10, 180, 20 * SECOND)).as("idle since the trim").isFalse();
    assertThat(policy.shouldTrim(10, 180, 60 * SECOND)).isFalse();
  }

  @Test
  void requestsWithoutCollectionsKeepTheDaemonBusy() {
    IdleTrimPolicy policy = new IdleTrimPolicy();
    policy.shouldTrim(3, 0, 0);
    for (int check = 1; check <= 20; check++) {
      assertThat(policy.shouldTrim(3, check, check)).isFalse();
    }
  }

  @Test
  void aDaemonUnderLightLoadTrimsAtMostOncePerSpacing() {
    IdleTrimPolicy policy = new IdleTrimPolicy();
    policy.shouldTrim(1, 1, 0);
    policy.shouldTrim(1, 1, 1);
    assertThat(policy.shouldTrim(1, 1, 2)).isTrue();
    policy.trimmed(2, 1, 2);

    policy.shouldTrim(3, 2, SECOND);
    policy.shouldTrim(3, 2, 2 * SECOND);
    assertThat(policy.shouldTrim(3, 2, 3 * SECOND))
        .as("quiet after new work, but sooner than the spacing")
        .isFalse();
    assertThat(policy.shouldTrim(3, 2, 2 + IdleTrimPolicy.SPACING_NANOS)).isTrue();
  }
}

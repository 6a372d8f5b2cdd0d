package dev.localgpt.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostgresLeaderLockTest {
  @Test
  void anUnreachableDatabaseMeansNotLeadingRatherThanAnError() {
    try (PostgresLeaderLock lock =
        new PostgresLeaderLock(
            new PostgresOptions("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2", "x", "", 1),
            "heartbeat:x")) {
      assertThat(lock.tryLead()).isFalse();
      assertThat(lock.tryLead()).isFalse();
    }
  }
}

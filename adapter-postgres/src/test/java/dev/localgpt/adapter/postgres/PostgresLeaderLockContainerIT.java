package dev.localgpt.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Two server instances, one leader: advisory locks need real sessions, so this runs on a real
 * PostgreSQL in Docker (PGlite serves every socket from one session). Skipped, not failed, where
 * there is no Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
class PostgresLeaderLockContainerIT {
  @Container
  private static final PostgreSQLContainer POSTGRES =
      new PostgreSQLContainer(
          DockerImageName.parse("pgvector/pgvector:pg17").asCompatibleSubstituteFor("postgres"));

  private static PostgresOptions options() {
    return new PostgresOptions(
        POSTGRES.getJdbcUrl(), POSTGRES.getUsername(), POSTGRES.getPassword(), 2);
  }

  @Test
  void onlyOneOfTwoInstancesLeadsAndTheOtherTakesOverWhenItStops() {
    try (PostgresLeaderLock first = new PostgresLeaderLock(options(), "heartbeat:alice");
        PostgresLeaderLock second = new PostgresLeaderLock(options(), "heartbeat:alice");
        PostgresLeaderLock otherUser = new PostgresLeaderLock(options(), "heartbeat:bob")) {
      assertThat(first.tryLead()).isTrue();
      assertThat(second.tryLead()).isFalse();
      assertThat(first.tryLead()).isTrue();
      assertThat(second.tryLead()).isFalse();
      assertThat(otherUser.tryLead()).isTrue();

      first.close();

      assertThat(second.tryLead()).isTrue();
      assertThat(first.tryLead()).isFalse();
    }
  }
}

package dev.localgpt.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.localgpt.adapter.postgres.PgliteServer;
import dev.localgpt.app.wiring.Wiring;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code [[server.users]]} on one shared PostgreSQL database (PGlite), over real HTTP: every user's
 * rows carry her name as workspace id; alice and bob read the family workspace, never each other.
 * With the embedding model (shared by all users): keyword-only search on PostgreSQL finds nothing
 * today, as {@code ts_rank} scores fall below core's BM25-calibrated relevance floor.
 */
class MultiUserPostgresIT {
  private static PgliteServer pglite;

  @TempDir Path home;

  @BeforeAll
  static void startPglite() throws Exception {
    Optional<Path> installation = PgliteServer.installation();
    assumeTrue(installation.isPresent(), PgliteServer.missingMessage());
    pglite = PgliteServer.start(installation.get());
  }

  @AfterAll
  static void stopPglite() {
    if (pglite != null) {
      pglite.close();
    }
  }

  private String postgres() {
    return "backend = \"postgres\"\n\n[memory.postgres]\nurl = \""
        + pglite.jdbcUrl()
        + "\"\nuser = \"postgres\"\npool_size = 1\n\n";
  }

  @Test
  void usersShareOneDatabaseButNeverSeeEachOthersRowsOrSessions() throws Exception {
    ServerFixture server = UserIsolation.start(home, postgres());
    try {
      UserIsolation.writeAndIndex(home, server);

      UserIsolation.assertSearchesStayApart(server);
      UserIsolation.assertMcpSearchStaysApart(server);
      UserIsolation.assertSessionsStayApart(server);
      UserIsolation.assertStrangersAreRefused(server);
      assertThat(home.resolve("users/alice/data/memory.sqlite")).doesNotExist();
    } finally {
      server.close();
      Wiring.close(server.injector); // the pools on PGlite, the users' shared one too
    }
  }
}

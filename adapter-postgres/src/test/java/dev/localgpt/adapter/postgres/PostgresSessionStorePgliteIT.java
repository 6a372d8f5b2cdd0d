package dev.localgpt.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.localgpt.ports.llm.ChatMessage;
import dev.localgpt.ports.session.SessionEntry;
import dev.localgpt.ports.session.SessionStore;
import dev.localgpt.ports.session.SessionStoreContract;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The session-store contract, unchanged, on PGlite; each test a fresh workspace. */
class PostgresSessionStorePgliteIT extends SessionStoreContract {
  private static final AtomicInteger WORKSPACES = new AtomicInteger();
  private static PgliteServer server;
  private static PostgresDatabase db;

  @BeforeAll
  static void startPglite() throws Exception {
    Optional<Path> installation = PgliteServer.installation();
    assumeTrue(installation.isPresent(), PgliteServer.missingMessage());
    server = PgliteServer.start(installation.get());
    db = PostgresDatabase.open(server.options());
  }

  @AfterAll
  static void stopPglite() {
    if (db != null) {
      db.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Override
  protected SessionStore newStore(Clock clock) {
    return new PostgresSessionStore(db, "sessions-" + WORKSPACES.incrementAndGet(), clock);
  }

  @Test
  void anotherInstanceContinuesTheSessionAndOtherWorkspacesDoNotSeeIt() {
    SessionStore one = new PostgresSessionStore(db, "shared-ws", Clock.systemUTC());
    SessionStore two = new PostgresSessionStore(db, "shared-ws", Clock.systemUTC());
    SessionStore stranger = new PostgresSessionStore(db, "other-ws", Clock.systemUTC());
    String id = one.create().id();
    one.append(id, new SessionEntry.Message(T0, ChatMessage.user("hello from instance one")));
    two.append(
        id,
        new SessionEntry.Message(
            T0.plusSeconds(1), ChatMessage.assistant("answered by instance two")));

    assertThat(one.read(id)).hasSize(2);
    assertThat(two.find(id)).map(info -> info.messageCount()).contains(2);
    assertThat(stranger.find(id)).isEmpty();
    assertThat(stranger.list()).isEmpty();
  }
}

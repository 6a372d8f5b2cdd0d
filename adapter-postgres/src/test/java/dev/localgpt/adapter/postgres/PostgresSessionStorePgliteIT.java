package dev.localgpt.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localgpt.ports.llm.ChatMessage;
import dev.localgpt.ports.session.SessionEntry;
import dev.localgpt.ports.session.SessionStore;
import dev.localgpt.ports.session.SessionStoreContract;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The session-store contract, unchanged, on PGlite; each test a fresh workspace. */
class PostgresSessionStorePgliteIT extends SessionStoreContract {
  private static final AtomicInteger WORKSPACES = new AtomicInteger();
  @RegisterExtension static final PgliteDatabase PGLITE = new PgliteDatabase();

  @Override
  protected SessionStore newStore(Clock clock) {
    return new PostgresSessionStore(PGLITE.db(), "sessions-" + WORKSPACES.incrementAndGet(), clock);
  }

  @Test
  void anotherInstanceContinuesTheSessionAndOtherWorkspacesDoNotSeeIt() {
    SessionStore one = new PostgresSessionStore(PGLITE.db(), "shared-ws", Clock.systemUTC());
    SessionStore two = new PostgresSessionStore(PGLITE.db(), "shared-ws", Clock.systemUTC());
    SessionStore stranger = new PostgresSessionStore(PGLITE.db(), "other-ws", Clock.systemUTC());
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

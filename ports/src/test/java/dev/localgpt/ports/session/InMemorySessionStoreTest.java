package dev.localgpt.ports.session;

import java.time.Clock;

class InMemorySessionStoreTest extends SessionStoreContract {
  @Override
  protected SessionStore newStore(Clock clock) {
    return new InMemorySessionStore(clock);
  }
}

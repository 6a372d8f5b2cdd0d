package dev.localgpt.adapter.providers.session;

import dev.localgpt.ports.session.SessionStore;
import dev.localgpt.ports.session.SessionStoreContract;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.io.TempDir;

class JsonlSessionStoreContractTest extends SessionStoreContract {
  @TempDir Path dir;

  @Override
  protected SessionStore newStore(Clock clock) {
    return new JsonlSessionStore(dir.resolve("sessions"), clock, "/work");
  }
}

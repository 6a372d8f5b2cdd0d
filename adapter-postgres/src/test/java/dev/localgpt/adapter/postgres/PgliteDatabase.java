package dev.localgpt.adapter.postgres;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link PostgresDatabase} on a {@link PgliteServer} for the tests of one class: started before
 * them (the class is skipped when PGlite is not installed), closed after them. Register it as a
 * static field with {@code @RegisterExtension}.
 */
final class PgliteDatabase implements BeforeAllCallback, AfterAllCallback {
  private PgliteServer server;
  private PostgresDatabase db;

  /** The database; only during the tests of the class. */
  PostgresDatabase db() {
    if (db == null) {
      throw new IllegalStateException("PGlite is not started (register this as an extension)");
    }
    return db;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    Optional<Path> installation = PgliteServer.installation();
    assumeTrue(installation.isPresent(), PgliteServer.missingMessage());
    server = PgliteServer.start(installation.get());
    db = PostgresDatabase.open(server.options());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (db != null) {
      db.close();
      db = null;
    }
    if (server != null) {
      server.close();
      server = null;
    }
  }
}

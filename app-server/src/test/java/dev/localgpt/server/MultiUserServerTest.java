package dev.localgpt.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code [[server.users]]} on SQLite, over real HTTP: each token runs on its user's own workspace,
 * index file and sessions; alice and bob both read the family workspace, never each other.
 */
class MultiUserServerTest {
  @TempDir Path home;

  @Test
  void eachTokenSeesOnlyItsOwnMemoryAndTheSharedWorkspace() throws Exception {
    try (ServerFixture server = UserIsolation.start(home, "embedding_provider = \"none\"\n")) {
      UserIsolation.writeAndIndex(home, server);

      UserIsolation.assertSearchesStayApart(server);
      UserIsolation.assertMcpSearchStaysApart(server);
      assertThat(home.resolve("users/alice/data/memory.sqlite")).exists();
      assertThat(home.resolve("users/bob/data/memory.sqlite")).exists();
    }
  }

  @Test
  void aUserCannotReadOrDeleteAnotherUsersSession() throws Exception {
    try (ServerFixture server = UserIsolation.start(home, "embedding_provider = \"none\"\n")) {
      UserIsolation.assertSessionsStayApart(server);
      try (var files = Files.list(home.resolve("users/alice/sessions"))) {
        assertThat(files.count()).isPositive();
      }
    }
  }

  @Test
  void aWrongOrMissingTokenIsUnauthorized() {
    try (ServerFixture server = UserIsolation.start(home, "embedding_provider = \"none\"\n")) {
      UserIsolation.assertStrangersAreRefused(server);
    }
  }
}

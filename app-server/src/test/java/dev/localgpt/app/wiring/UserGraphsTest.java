package dev.localgpt.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import dev.localgpt.core.config.LocalGptConfig;
import dev.localgpt.core.workspace.LocalGptHome;
import dev.localgpt.core.workspace.Workspace;
import dev.localgpt.ports.embedding.Embedder;
import dev.localgpt.ports.tools.ToolSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user's graph: the root's modules with her home, workspace and config; the model shared. */
class UserGraphsTest {
  private static final Key<Optional<Embedder>> EMBEDDER =
      Key.get(new TypeLiteral<Optional<Embedder>>() {});

  @TempDir Path temp;

  @Test
  void aUsersGraphHasHerHomeAndWorkspaceAndSharesTheOwnersEmbeddingModel() throws Exception {
    Files.writeString(
        temp.resolve("config.toml"),
        """
        [[mcp.servers]]
        name = "files"
        command = "true"

        [[server.users]]
        name = "alice"
        token = "alice-token"
        """);
    Injector root = Wiring.injector(WiringOptions.of(Map.of("LOCALGPT_HOME", temp.toString())));
    UserGraphs graphs = Wiring.get(root, UserGraphs.class);
    Injector alice = graphs.graph("alice");

    assertThat(graphs.graph("alice")).isSameAs(alice);
    assertThat(Wiring.get(alice, LocalGptHome.class).root()).isEqualTo(temp.resolve("users/alice"));
    assertThat(Wiring.get(alice, Workspace.class).root())
        .isEqualTo(temp.resolve("users/alice/workspace"));
    LocalGptConfig config = Wiring.get(alice, LocalGptConfig.class);
    assertThat(config.server().users()).isEmpty();
    assertThat(config.heartbeat().enabled()).isFalse();
    assertThat(config.memory().storage().workspaceId()).isEqualTo("alice");
    assertThat(Wiring.get(alice, ToolSource.class)).isSameAs(ToolSource.NONE);
    Embedder owners = root.getInstance(EMBEDDER).orElseThrow();
    assertThat(alice.getInstance(EMBEDDER).orElseThrow())
        .isInstanceOfSatisfying(
            UserModule.Shared.class, shared -> assertThat(shared.delegate()).isSameAs(owners))
        .isNotInstanceOf(AutoCloseable.class);
    assertThatThrownBy(() -> graphs.graph("mallory"))
        .hasMessageContaining("no [[server.users]] entry is named 'mallory'");
    Wiring.close(root);
  }
}

package dev.localgpt.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Injector;
import dev.localgpt.LocalGpt;
import dev.localgpt.core.config.ConfigException;
import dev.localgpt.core.config.LocalGptConfig;
import dev.localgpt.core.workspace.LocalGptHome;
import dev.localgpt.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WiringTest {
  @TempDir Path temp;

  @Test
  void injectorProvidesHomeConfigAndWorkspaceFromTheEnvironment() throws Exception {
    Files.createDirectories(temp);
    Files.writeString(temp.resolve("config.toml"), "[memory]\nworkspace = \"ws\"\n");
    Injector injector = Wiring.injector(WiringOptions.of(Map.of("LOCALGPT_HOME", temp.toString())));
    assertThat(Wiring.get(injector, LocalGptHome.class).root()).isEqualTo(temp.toAbsolutePath());
    assertThat(Wiring.get(injector, Workspace.class).root())
        .isEqualTo(temp.resolve("ws").toAbsolutePath());
    assertThat(Wiring.get(injector, LocalGptConfig.class))
        .isSameAs(Wiring.get(injector, LocalGptConfig.class));
  }

  @Test
  void creatingTheInjectorLoadsNothingAndConfigErrorsSurfaceUnwrapped() throws Exception {
    Files.writeString(temp.resolve("config.toml"), "[server]\nport = 0\n");
    Injector injector = Wiring.injector(WiringOptions.of(Map.of("LOCALGPT_HOME", temp.toString())));
    assertThatThrownBy(() -> Wiring.get(injector, LocalGptConfig.class))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("server.port");
  }

  @Test
  void libraryAndInjectorAgreeBecauseTheyShareTheFactories() {
    Map<String, String> env = Map.of("OLLAMA_HOST", "box:11434");
    LocalGpt library = LocalGpt.builder().home(temp).environment(env).build();
    Injector injector =
        Wiring.injector(new WiringOptions(env, Optional.of(temp), Optional.empty()));
    assertThat(library.config()).isEqualTo(Wiring.get(injector, LocalGptConfig.class));
    assertThat(library.config().providers().ollama().orElseThrow().endpoint())
        .isEqualTo("http://box:11434");
  }

  @Test
  void libraryBuildCreatesTheHomeAndWorkspaceOnFirstRun() {
    LocalGpt gpt = LocalGpt.builder().home(temp.resolve("h")).environment(Map.of()).build();
    assertThat(gpt.home().dataDir()).isDirectory();
    assertThat(gpt.home().sessionsDir()).isDirectory();
    assertThat(gpt.workspace().root().resolve("MEMORY.md")).isRegularFile();
    assertThat(gpt.workspace().status().complete()).isTrue();
  }

  @Test
  void explicitHomeIgnoresLocalgptHomeFromTheEnvironment() {
    LocalGpt gpt =
        LocalGpt.builder()
            .home(temp)
            .environment(Map.of("LOCALGPT_HOME", "/nonexistent"))
            .initialize(false)
            .build();
    assertThat(gpt.home().root()).isEqualTo(temp.toAbsolutePath());
  }
}

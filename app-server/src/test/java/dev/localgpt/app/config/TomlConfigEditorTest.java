package dev.localgpt.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localgpt.core.config.ConfigException;
import dev.localgpt.core.workspace.LocalGptHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TomlConfigEditorTest {
  @TempDir Path home;

  private final String original =
      """
      # my settings
      [server]
      # the port I like
      port = 8080  # keep this comment

      [heartbeat]
      enabled = true
      """;

  private TomlConfigEditor editor() {
    return new TomlConfigEditor(LocalGptHome.at(home), Map.of());
  }

  private Path file() {
    return home.resolve("config.toml");
  }

  @Test
  void replacesTheValueInPlaceKeepingComments() throws Exception {
    Files.writeString(file(), original);
    editor().set("server.port", "9090");
    assertThat(Files.readString(file())).isEqualTo(original.replace("port = 8080", "port = 9090"));
  }

  @Test
  void addsAnAbsentKeyToTheEndOfItsTable() throws Exception {
    Files.writeString(file(), original);
    editor().set("server.bind", "0.0.0.0");
    assertThat(Files.readString(file()))
        .contains("port = 8080  # keep this comment\nbind = \"0.0.0.0\"\n");
    assertThat(new TomlConfigLoader(LocalGptHome.at(home), Map.of()).load().server().bind())
        .isEqualTo("0.0.0.0");
  }

  @Test
  void appendsAnAbsentTable() throws Exception {
    Files.writeString(file(), original);
    editor().set("heartbeat.active_hours.start", "08:00");
    editor().set("heartbeat.active_hours.end", "22:00");
    assertThat(Files.readString(file()))
        .startsWith(original)
        .endsWith("\n[heartbeat.active_hours]\nstart = \"08:00\"\nend = \"22:00\"\n");
  }

  @Test
  void createsTheFileWithOwnerOnlyPermissions() throws Exception {
    editor().set("agent.default_model", "ollama/llama3");
    assertThat(Files.readString(file())).isEqualTo("[agent]\ndefault_model = \"ollama/llama3\"\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file())))
        .isEqualTo("rw-------");
  }

  @Test
  void configSetOnASymlinkedConfigTomlWritesThroughToTheTargetAndKeepsTheLink() throws Exception {
    Path target = Files.createDirectories(home.resolve("dotfiles")).resolve("localgpt.toml");
    Files.writeString(target, original);
    Files.createSymbolicLink(file(), target);

    editor().set("server.port", "9090");

    assertThat(Files.isSymbolicLink(file())).isTrue();
    assertThat(Files.readString(target)).isEqualTo(original.replace("port = 8080", "port = 9090"));
    assertThat(new TomlConfigLoader(LocalGptHome.at(home), Map.of()).load().server().port())
        .isEqualTo(9090);
  }

  @Test
  void refusesAValueThatWouldNotLoadAndLeavesTheFileAlone() throws Exception {
    Files.writeString(file(), original);
    assertThatThrownBy(() -> editor().set("server.port", "0"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("must be 1..65535");
    assertThatThrownBy(() -> editor().set("server.port", "eighty"))
        .hasMessage(
            "config.toml: key 'server.port': expected a whole number, e.g. 42, got 'eighty'");
    assertThatThrownBy(() -> editor().set("heartbeat.interval", "30"))
        .hasMessageContaining("'30' is not a duration");
    assertThat(Files.readString(file())).isEqualTo(original);
  }

  @Test
  void aKeyInsideAnInlineTableIsRefusedWithAClearMessage() throws Exception {
    String inline = "[heartbeat]\nactive_hours = { start = \"08:00\", end = \"22:00\" }\n";
    Files.writeString(file(), inline);
    assertThatThrownBy(() -> editor().set("heartbeat.active_hours.start", "09:00"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(
            "config.toml: key 'heartbeat.active_hours.start': cannot be changed by a line edit")
        .hasMessageContaining("inline table");
    assertThat(Files.readString(file())).isEqualTo(inline);
  }

  @Test
  void unknownKeySuggestsTheNearestOne() {
    assertThatThrownBy(() -> editor().set("server.prot", "1"))
        .hasMessage("config.toml: key 'server.prot': unknown key (did you mean 'server.port'?)");
  }

  @Test
  void listsAndBooleansAreWrittenAsToml() throws Exception {
    editor().set("tools.require_approval", "bash, write_file");
    editor().set("tools.bash_enabled", "yes");
    String text = Files.readString(file());
    assertThat(text)
        .contains("require_approval = [\"bash\", \"write_file\"]")
        .contains("bash_enabled = true");
  }

  @Test
  void stringsAreEscaped() throws Exception {
    editor().set("agent.default_model", "a\"b\\c");
    assertThat(new TomlConfigLoader(LocalGptHome.at(home), Map.of()).load().agent().defaultModel())
        .isEqualTo("a\"b\\c");
  }
}

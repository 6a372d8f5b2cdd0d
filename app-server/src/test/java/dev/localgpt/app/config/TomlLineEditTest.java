package dev.localgpt.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TomlLineEditTest {
  @Test
  void editsADottedKeyWrittenAtTheTopLevel() {
    assertThat(TomlLineEdit.set("server.port = 1\n[agent]\n", "server.port", "2"))
        .isEqualTo("server.port = 2\n[agent]\n");
  }

  @Test
  void editsADottedKeyInsideItsParentTable() {
    assertThat(
            TomlLineEdit.set(
                "[heartbeat]\nactive_hours.start = \"08:00\"\n",
                "heartbeat.active_hours.start",
                "\"09:00\""))
        .isEqualTo("[heartbeat]\nactive_hours.start = \"09:00\"\n");
  }

  @Test
  void keepsIndentationAndQuotedKeys() {
    assertThat(TomlLineEdit.set("[server]\n  \"port\" = 1 # x\n", "server.port", "2"))
        .isEqualTo("[server]\n  port = 2 # x\n");
  }

  @Test
  void doesNotTouchTheSameLeafInAnotherTable() {
    String text =
        "[providers.ollama]\nmodel = \"a\"\n[providers.openai_compatible]\nmodel = \"b\"\n";
    assertThat(TomlLineEdit.set(text, "providers.openai_compatible.model", "\"c\""))
        .isEqualTo(text.replace("\"b\"", "\"c\""));
  }

  @Test
  void insertsBeforeTheNextTableAndIgnoresArraysOfTables() {
    String text = "[server]\nport = 1\n\n[[memory.paths]]\nport = 9\n";
    assertThat(TomlLineEdit.set(text, "server.bind", "\"x\""))
        .isEqualTo("[server]\nport = 1\nbind = \"x\"\n\n[[memory.paths]]\nport = 9\n");
  }

  @Test
  void hashInsideAStringIsNotAComment() {
    assertThat(TomlLineEdit.trailingComment("model = \"a#b\" # real")).isEqualTo(" # real");
    assertThat(TomlLineEdit.trailingComment("model = \"a#b\"")).isEmpty();
  }

  @Test
  void emptyFileGetsTheTable() {
    assertThat(TomlLineEdit.set("", "logging.level", "\"debug\""))
        .isEqualTo("[logging]\nlevel = \"debug\"\n");
  }
}

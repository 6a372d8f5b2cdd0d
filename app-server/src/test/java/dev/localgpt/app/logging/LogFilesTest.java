package dev.localgpt.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localgpt.LocalGpt;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFilesTest {
  @TempDir Path home;

  @AfterEach
  void reset() {
    LogSink.reset();
  }

  @Test
  void anIndexRebuildAfterCorruptionPrintsOneWarningLineAndGoesToTodaysPrivateLogFile()
      throws Exception {
    Files.writeString(
        home.resolve("config.toml"),
        "[memory]\nembedding_provider = \"none\"\n"
            + "[logging]\nlevel = \"info\"\nretention_days = 7\n");
    Path logs = Files.createDirectories(home.resolve("logs"));
    Path old = Files.writeString(logs.resolve("localgpt-2001-01-01.log"), "old\n");
    Path recent =
        Files.writeString(
            logs.resolve("localgpt-" + LocalDate.now().minusDays(1) + ".log"), "recent\n");
    Files.createDirectories(home.resolve("data"));
    Files.writeString(
        home.resolve("data/memory.sqlite"), "this is not a database, it is garbage ".repeat(200));
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    PrintStream original = System.err;
    System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    try (LocalGpt gpt = LocalGpt.builder().home(home).environment(Map.of()).build()) {
      gpt.memory().index();
    } finally {
      System.setErr(original);
    }
    assertThat(old).doesNotExist();
    assertThat(recent).exists();
    Path today = logs.resolve("localgpt-" + LocalDate.now() + ".log");
    assertThat(today).isEqualTo(LogSink.today());
    assertThat(Files.readString(today))
        .contains("WARN  dev.localgpt.core.memory.MemoryService: memory index is corrupt");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(today)))
        .isEqualTo("rw-------");
    String printed = stderr.toString(StandardCharsets.UTF_8);
    assertThat(printed.lines().filter(l -> l.contains("corrupt"))).hasSize(1);
    assertThat(printed).contains("warning: memory index is corrupt");
  }

  @Test
  void belowTheConfiguredLevelNothingIsWrittenAndSecretsAreMasked() throws Exception {
    LogSink.configure(home, "warn", 0, java.time.Clock.systemDefaultZone());
    System.Logger log = System.getLogger("test.logger");
    assertThat(log).isInstanceOf(System.Logger.class);
    log.log(System.Logger.Level.INFO, "not written");
    log.log(
        System.Logger.Level.ERROR,
        "calling with api_key=sk-ant-abcdef123456 and Bearer abcdefgh12345");
    String text = Files.readString(LogSink.today());
    assertThat(text)
        .doesNotContain("not written")
        .contains("ERROR test.logger: calling with api_key=********")
        .doesNotContain("sk-ant-abcdef123456")
        .doesNotContain("abcdefgh12345");
  }
}

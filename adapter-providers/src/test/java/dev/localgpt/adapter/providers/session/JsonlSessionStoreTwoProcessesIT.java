package dev.localgpt.adapter.providers.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localgpt.ports.session.SessionEntry;
import dev.localgpt.ports.session.SessionTranscript;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real JVMs appending to one session file at the same time, as two {@code chat -s ID} terminals
 * would.
 */
class JsonlSessionStoreTwoProcessesIT {
  private static final int TURNS = 150;
  @TempDir Path tmp;

  @Test
  void twoProcessesAppendingToOneSessionLoseNoTurns() throws Exception {
    Path dir = tmp.resolve("sessions");
    JsonlSessionStore store = new JsonlSessionStore(dir, Clock.systemUTC(), "/it");
    String id = store.create().id();

    Process a = start(dir, id, "alice", tmp.resolve("alice.log"));
    Process b = start(dir, id, "bob", tmp.resolve("bob.log"));
    for (Process p : List.of(a, b)) {
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(a.exitValue()).as(Files.readString(tmp.resolve("alice.log"))).isZero();
    assertThat(b.exitValue()).as(Files.readString(tmp.resolve("bob.log"))).isZero();

    SessionTranscript transcript =
        new JsonlSessionStore(dir, Clock.systemUTC(), "/it").transcript(id);
    assertThat(transcript.warning()).isEmpty();
    List<String> texts =
        transcript.entries().stream()
            .map(e -> ((SessionEntry.Message) e).message().text())
            .toList();
    List<String> expected = new ArrayList<>();
    for (String name : List.of("alice", "bob")) {
      for (int turn = 1; turn <= TURNS; turn++) {
        expected.add(name + " asks " + turn);
        expected.add(name + " hears " + turn);
      }
    }
    assertThat(texts).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(texts.stream().filter(t -> t.startsWith("alice")).toList())
        .containsExactlyElementsOf(expected.subList(0, 2 * TURNS));

    ObjectMapper json = new ObjectMapper();
    List<String> lines = Files.readAllLines(store.fileOf(id));
    assertThat(lines).hasSize(1 + 4 * TURNS);
    for (int i = 0; i < lines.size(); i++) {
      assertThat(json.readTree(lines.get(i)).path("type").asText())
          .as("line " + (i + 1))
          .isNotEmpty();
      if (i >= 2) {
        assertThat(json.readTree(lines.get(i)).path("parentId").asText())
            .isEqualTo(json.readTree(lines.get(i - 1)).path("id").asText());
      }
    }
  }

  private static Process start(Path dir, String id, String name, Path log) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    return new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            SessionAppender.class.getName(),
            dir.toString(),
            id,
            name,
            String.valueOf(TURNS))
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }
}

package dev.localgpt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localgpt.core.heartbeat.HeartbeatOutcome;
import dev.localgpt.core.heartbeat.HeartbeatStatus;
import dev.localgpt.ports.llm.ChatListener;
import dev.localgpt.ports.llm.ChatModel;
import dev.localgpt.ports.llm.ChatRequest;
import dev.localgpt.ports.llm.ChatResponse;
import dev.localgpt.ports.llm.StopReason;
import dev.localgpt.ports.llm.Usage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalGptHeartbeatTest {
  @TempDir Path home;

  @Test
  void runOnceSkipsTheTemplateAndReportsAnAlertOnceThereAreTasks() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    LocalGpt gpt =
        LocalGpt.builder()
            .home(home)
            .environment(Map.of("OLLAMA_HOST", "127.0.0.1:1"))
            .chatModel(
                new ChatModel() {
                  @Override
                  public String id() {
                    return "test/fixed";
                  }

                  @Override
                  public ChatResponse chat(ChatRequest request, ChatListener listener) {
                    calls.incrementAndGet();
                    listener.onEvent(
                        new dev.localgpt.ports.llm.ChatEvent.TextDelta(
                            "The plants need water today."));
                    return new ChatResponse(
                        "The plants need water today.",
                        List.of(),
                        new Usage(40, 8),
                        StopReason.END_TURN,
                        "test/fixed");
                  }
                })
            .build();
    assertThat(gpt.heartbeat().runOnce()).isInstanceOf(HeartbeatOutcome.Skipped.class);
    assertThat(calls).hasValue(0);

    Files.writeString(gpt.workspace().root().resolve("HEARTBEAT.md"), "- [ ] Check the plants\n");
    HeartbeatOutcome outcome = gpt.heartbeat().runOnce();

    assertThat(outcome)
        .isInstanceOfSatisfying(
            HeartbeatOutcome.Ran.class,
            ran -> assertThat(ran.alert()).contains("The plants need water today."));
    HeartbeatStatus status = gpt.heartbeat().status();
    assertThat(status.lastAlert())
        .get()
        .extracting(a -> a.text())
        .isEqualTo("The plants need water today.");
    assertThat(status.recent())
        .extracting(e -> e.reason())
        .containsExactly("empty-heartbeat-file", "alert");
    assertThat(home.resolve("logs/heartbeat.jsonl")).isRegularFile();
    assertThat(gpt.chatService().history()).isEmpty();
    gpt.close();
  }
}

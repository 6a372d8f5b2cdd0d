package dev.localgpt.core.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localgpt.core.agent.tools.ToolBox;
import dev.localgpt.ports.llm.ChatEvent;
import dev.localgpt.ports.llm.ChatMessage;
import dev.localgpt.ports.llm.ChatRequest;
import dev.localgpt.ports.llm.ChatResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryOnlyChatModelTest {
  private final StubMemorySearch memory =
      new StubMemorySearch()
          .add("MEMORY.md", 4, 6, 0.9, "The user's cat\n   is called Miso")
          .add("memory/2025-01-02.md", 10, 12, 0.5, "Bought cat food")
          .add("memory/2025-01-03.md", 1, 1, 0.3, "Dentist on Friday");

  @Test
  void answersWithTheBestMemoryHitsAndHowToConfigureAModel() {
    List<String> deltas = new ArrayList<>();
    ChatRequest request =
        ChatRequest.builder()
            .messages(
                List.of(
                    ChatMessage.user("older"),
                    ChatMessage.assistant("a"),
                    ChatMessage.user("what about my cat?\n\n" + SecurityReminder.SUFFIX)))
            .build();
    ChatResponse response =
        new MemoryOnlyChatModel(memory, 5)
            .chat(
                request,
                e -> {
                  if (e instanceof ChatEvent.TextDelta d) {
                    deltas.add(d.text());
                  }
                });

    assertThat(memory.queries).containsExactly("what about my cat?");
    assertThat(response.toolCalls()).isEmpty();
    assertThat(response.text())
        .contains("1. MEMORY.md:4-6 (score 0.90)\n   The user's cat is called Miso\n")
        .contains("2. memory/2025-01-02.md:10-12 (score 0.50)\n   Bought cat food\n")
        .doesNotContain("Dentist")
        .endsWith(MemoryOnlyChatModel.HOW_TO_CONFIGURE);
    assertThat(response.text())
        .contains("agent.default_model", "ANTHROPIC_API_KEY", "OPENAI_API_KEY", "Ollama");
    assertThat(String.join("", deltas)).isEqualTo(response.text());
    assertThat(deltas.size()).isGreaterThan(1);
  }

  @Test
  void saysSoWhenNothingMatchesAndWorksInsideTheAgentLoop() {
    AgentLoop loop =
        new AgentLoop(
            new MemoryOnlyChatModel(memory, 5), ToolBox.empty(), AgentSettings.DEFAULTS, "");
    AgentResult result = loop.run(List.of(), "quantum physics", AgentListener.NONE);
    assertThat(result.text())
        .startsWith("Nothing in memory matches that.")
        .endsWith(MemoryOnlyChatModel.HOW_TO_CONFIGURE);
    assertThat(result.model()).isEqualTo(MemoryOnlyChatModel.ID);
  }
}

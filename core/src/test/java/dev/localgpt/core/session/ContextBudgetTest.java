package dev.localgpt.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localgpt.ports.json.JsonObject;
import dev.localgpt.ports.llm.ChatMessage;
import dev.localgpt.ports.llm.ToolCall;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContextBudgetTest {

  @Test
  void softLimitIsWindowMinusReserveMinus4000() {
    ContextBudget budget = new ContextBudget(128_000, 16_384);
    assertThat(budget.hardLimit()).isEqualTo(128_000 - 16_384);
    assertThat(budget.softLimit()).isEqualTo(128_000 - 16_384 - 4_000);
  }

  @Test
  void tokensAreUtf8BytesOverFourRoundedUp() {
    assertThat(ContextBudget.estimate("")).isZero();
    assertThat(ContextBudget.estimate("abcd")).isEqualTo(1);
    assertThat(ContextBudget.estimate("abcde")).isEqualTo(2);
    assertThat(ContextBudget.estimate("éé")).isEqualTo(1); // 4 bytes
    assertThat(ContextBudget.estimate("€")).isEqualTo(1); // 3 bytes
    assertThat(ContextBudget.estimate("😀😀")).isEqualTo(2); // 8 bytes
    assertThat(ContextBudget.estimate("x".repeat(4000))).isEqualTo(1000);
  }

  @Test
  void theEstimateCountsSystemHistoryAndToolCalls() {
    ToolCall call =
        new ToolCall("id12", "bash", JsonObject.of("command", "ls")); // 4 + 4 + 16 bytes
    List<ChatMessage> history =
        List.of(
            ChatMessage.user("12345678"),
            ChatMessage.assistant("", List.of(call)),
            ChatMessage.toolResult(call, "abcd"));
    // system 8 + user 8 + call 24 + result 4 + its id and name 8 = 52 bytes
    assertThat(ContextBudget.estimate("sys-tem!", history)).isEqualTo(13);
  }

  @Test
  void aCheckpointIsDueAtTheSoftLimit() {
    ContextBudget budget = new ContextBudget(10_000, 2_000); // soft 4000 tokens = 16000 bytes
    String system = "s".repeat(8_000);
    assertThat(budget.needsCheckpoint(system, List.of(ChatMessage.user("u".repeat(7_996)))))
        .isFalse();
    assertThat(budget.needsCheckpoint(system, List.of(ChatMessage.user("u".repeat(8_000)))))
        .isTrue();
    assertThat(budget.overHardLimit(system, List.of(ChatMessage.user("u".repeat(8_000)))))
        .isFalse();
  }

  @Test
  void aReserveThatLeavesNoRoomIsRefusedWithTheFix() {
    assertThatThrownBy(() -> new ContextBudget(8_000, 4_000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'reserveTokens'")
        .hasMessageContaining("lower the reserve");
  }
}

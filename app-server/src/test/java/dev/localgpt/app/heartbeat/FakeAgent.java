package dev.localgpt.app.heartbeat;

import dev.localgpt.core.agent.AgentResult;
import dev.localgpt.core.chat.TurnResult;
import dev.localgpt.core.heartbeat.HeartbeatAgent;
import dev.localgpt.ports.llm.Usage;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;

/**
 * An agent whose n-th call (from 0) answers {@code replies.apply(n)} (or throws), with fixed token
 * usage.
 */
final class FakeAgent implements HeartbeatAgent {
  final AtomicInteger calls = new AtomicInteger();
  private final IntFunction<String> replies;
  private final Usage usage;

  FakeAgent(Usage usage, IntFunction<String> replies) {
    this.usage = usage;
    this.replies = replies;
  }

  @Override
  public String modelName() {
    return "openai/gpt-4o-mini";
  }

  @Override
  public TurnResult run(String prompt, BooleanSupplier cancelled) {
    int n = calls.getAndIncrement();
    return new TurnResult(
        replies.apply(n),
        false,
        AgentResult.StopCause.COMPLETED,
        usage,
        modelName(),
        0,
        "heartbeat-" + n,
        Optional.empty());
  }
}

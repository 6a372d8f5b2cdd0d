package dev.localgpt.core.heartbeat;

import dev.localgpt.core.agent.MemoryOnlyChatModel;
import dev.localgpt.core.agent.tools.ApprovalGate;
import dev.localgpt.core.chat.ChatService;
import dev.localgpt.core.chat.ChatSetup;
import dev.localgpt.core.chat.ChatStreamListener;
import dev.localgpt.core.chat.TurnResult;
import dev.localgpt.ports.llm.ChatModel;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** The agent a heartbeat run talks to. Called on a worker thread; blocks until the turn ends. */
public interface HeartbeatAgent {

  /** The model's name for the log, as configured ({@code heartbeat.model} or the chat's). */
  String modelName();

  /**
   * Whether a language model stands behind this agent. Without one (memory-only mode) a run would
   * only echo memory search hits back as an "alert", so the heartbeat skips instead.
   */
  default boolean hasModel() {
    return true;
  }

  /**
   * Runs one turn for {@code prompt} in a fresh session; stops early when {@code cancelled} turns
   * true.
   *
   * @throws RuntimeException on any failure (the heartbeat records it and goes on)
   */
  TurnResult run(String prompt, BooleanSupplier cancelled);

  /**
   * A chat agent: each run starts a new {@link ChatService} session from a fresh {@link ChatSetup}
   * (so it never touches the user's conversation), with the same tools as chat and every
   * approval-required tool refused.
   */
  static HeartbeatAgent chat(String modelName, Supplier<ChatSetup> setups) {
    Objects.requireNonNull(setups, "'setups' must not be null");
    return new HeartbeatAgent() {
      @Override
      public String modelName() {
        return modelName;
      }

      @Override
      public boolean hasModel() {
        ChatModel model = setups.get().model();
        return !(model instanceof MemoryOnlyChatModel)
            && !MemoryOnlyChatModel.ID.equals(model.id());
      }

      @Override
      public TurnResult run(String prompt, BooleanSupplier cancelled) {
        ChatSetup setup = setups.get().toBuilder().approval(ApprovalGate.DENY_ALL).build();
        return ChatService.start(setup)
            .send(
                prompt,
                new ChatStreamListener() {
                  @Override
                  public boolean isCancelled() {
                    return cancelled.getAsBoolean() || Thread.currentThread().isInterrupted();
                  }
                });
      }
    };
  }
}

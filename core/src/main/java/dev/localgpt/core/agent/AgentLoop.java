package dev.localgpt.core.agent;

import dev.localgpt.core.agent.AgentResult.StopCause;
import dev.localgpt.core.agent.prompt.SystemPromptBuilder;
import dev.localgpt.core.agent.tools.ToolBox;
import dev.localgpt.core.agent.tools.ToolOutcome;
import dev.localgpt.core.agent.tools.TurnTaint;
import dev.localgpt.ports.llm.ChatEvent;
import dev.localgpt.ports.llm.ChatListener;
import dev.localgpt.ports.llm.ChatMessage;
import dev.localgpt.ports.llm.ChatModel;
import dev.localgpt.ports.llm.ChatRequest;
import dev.localgpt.ports.llm.ChatResponse;
import dev.localgpt.ports.llm.StopReason;
import dev.localgpt.ports.llm.ToolCall;
import dev.localgpt.ports.llm.Usage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One agent turn: sends the conversation to the model, streams the reply, runs the tool calls it
 * asks for one by one (assistant message with the calls first, then one tool message per call), and
 * repeats until the model answers without tools or a guard stops it: the step bound, the same call
 * repeated too often, or too many consecutive tool errors. Once a tool has brought untrusted
 * content into the turn ({@link TurnTaint}), tools that write, run or reach the network need
 * approval for the rest of the turn (see {@link dev.localgpt.core.agent.tools.ToolGate}). Every
 * message is reported to {@link AgentListener#onMessage} as it is created. Model failures ({@link
 * dev.localgpt.ports.llm.ModelException}) propagate; the messages reported before them are valid
 * history.
 *
 * <p>Not thread-safe per conversation: run one turn at a time.
 */
public final class AgentLoop {
  private static final System.Logger LOG = System.getLogger(AgentLoop.class.getName());

  private final ChatModel model;
  private final ToolBox tools;
  private final AgentSettings settings;
  private final String systemPrompt;

  public AgentLoop(ChatModel model, ToolBox tools, AgentSettings settings, String systemPrompt) {
    this.model = Objects.requireNonNull(model, "'model' must not be null");
    this.tools = Objects.requireNonNull(tools, "'tools' must not be null");
    this.settings = Objects.requireNonNull(settings, "'settings' must not be null");
    this.systemPrompt = systemPrompt == null ? "" : systemPrompt;
  }

  /** Runs a turn for {@code userText} after {@code history} (oldest first; not modified). */
  public AgentResult run(List<ChatMessage> history, String userText, AgentListener listener) {
    Turn turn = new Turn(history, listener);
    turn.add(ChatMessage.user(userText));
    return turn.loop();
  }

  private final class Turn {
    private final List<ChatMessage> conversation;
    private final List<ChatMessage> added = new ArrayList<>();
    private final AgentListener listener;
    private final Map<String, Integer> callCounts = new HashMap<>();
    private final TurnTaint taint = TurnTaint.clean();
    private Usage usage = Usage.NONE;
    private String answeredBy = model.id();
    private int consecutiveErrors;

    Turn(List<ChatMessage> history, AgentListener listener) {
      this.conversation = new ArrayList<>(history);
      this.listener = listener;
    }

    AgentResult loop() {
      for (int step = 1; ; step++) {
        if (listener.isCancelled()) {
          return finish("", step - 1, StopCause.CANCELLED);
        }
        ChatResponse response = call();
        usage = usage.plus(response.usage());
        answeredBy = response.model();
        if (response.stopReason() == StopReason.CANCELLED) {
          if (!response.text().isEmpty()) {
            add(ChatMessage.assistant(response.text()));
          }
          return finish(response.text(), step, StopCause.CANCELLED);
        }
        if (response.toolCalls().isEmpty()) {
          add(ChatMessage.assistant(response.text()));
          StopCause cause =
              response.stopReason() == StopReason.MAX_TOKENS
                  ? StopCause.MAX_TOKENS
                  : StopCause.COMPLETED;
          return finish(response.text(), step, cause);
        }
        add(ChatMessage.assistant(response.text(), response.toolCalls()));
        StopCause guard = runTools(response.toolCalls());
        if (guard != null) {
          return stop(guard, step);
        }
        if (step >= settings.maxToolSteps()) {
          return stop(StopCause.MAX_STEPS, step);
        }
      }
    }

    private ChatResponse call() {
      List<ChatMessage> messages =
          settings.securitySuffix() ? SecurityReminder.apply(conversation) : conversation;
      ChatRequest request =
          ChatRequest.builder()
              .system(systemPrompt)
              .messages(messages)
              .tools(tools.specs())
              .maxTokens(settings.maxTokens())
              .build();
      return model.chat(
          request,
          new ChatListener() {
            @Override
            public void onEvent(ChatEvent event) {
              switch (event) {
                case ChatEvent.TextDelta d -> listener.onText(d.text());
                case ChatEvent.Notice n -> listener.onNotice(n.message());
                case ChatEvent.ToolCallReady r -> {}
              }
            }

            @Override
            public boolean isCancelled() {
              return listener.isCancelled();
            }
          });
    }

    /**
     * Runs the calls in order; returns the guard that tripped, or null. Every call gets a result
     * message.
     */
    private StopCause runTools(List<ToolCall> calls) {
      StopCause tripped = null;
      for (ToolCall call : calls) {
        if (tripped != null) {
          add(
              ChatMessage.toolResult(
                  call, "Not executed: the turn was stopped (" + describe(tripped) + ")."));
          continue;
        }
        if (listener.isCancelled()) {
          tripped = StopCause.CANCELLED;
          add(ChatMessage.toolResult(call, "Not executed: cancelled by the user."));
          continue;
        }
        int count =
            callCounts.merge(
                call.name() + "\u0000" + call.argumentsJson().strip(), 1, Integer::sum);
        if (count > settings.maxToolRepeats()) {
          tripped = StopCause.REPEATED_TOOL_CALL;
          add(
              ChatMessage.toolResult(
                  call,
                  "Not executed: "
                      + call.name()
                      + " was already called "
                      + (count - 1)
                      + " times with the same arguments. Stop repeating it."));
          continue;
        }
        listener.onToolStart(call, tools.detail(call));
        ToolOutcome outcome = tools.run(call, taint);
        listener.onToolEnd(call, outcome);
        add(ChatMessage.toolResult(call, outcome.text(), outcome.error()));
        consecutiveErrors = outcome.error() ? consecutiveErrors + 1 : 0;
        if (outcome.error()) {
          LOG.log(
              System.Logger.Level.INFO,
              () ->
                  "tool "
                      + call.name()
                      + " failed: "
                      + outcome.text().strip().lines().findFirst().orElse(""));
        }
        if (consecutiveErrors >= settings.maxToolErrors()) {
          tripped = StopCause.TOOL_ERRORS;
        }
      }
      return tripped;
    }

    private AgentResult stop(StopCause cause, int steps) {
      String note = "[Stopped: " + describe(cause) + ".]";
      if (cause != StopCause.CANCELLED) {
        add(ChatMessage.assistant(note));
      }
      return finish(note, steps, cause);
    }

    private String describe(StopCause cause) {
      return switch (cause) {
        case MAX_STEPS ->
            "reached the limit of " + settings.maxToolSteps() + " model calls in one turn";
        case REPEATED_TOOL_CALL ->
            "the same tool call was repeated more than " + settings.maxToolRepeats() + " times";
        case TOOL_ERRORS -> settings.maxToolErrors() + " tool calls failed in a row";
        case CANCELLED -> "cancelled by the user";
        default -> cause.name().toLowerCase(java.util.Locale.ROOT);
      };
    }

    private AgentResult finish(String text, int steps, StopCause cause) {
      boolean silent = text.strip().equals(SystemPromptBuilder.NO_REPLY);
      return new AgentResult(silent ? "" : text, added, usage, steps, cause, silent, answeredBy);
    }

    void add(ChatMessage message) {
      conversation.add(message);
      added.add(message);
      listener.onMessage(message);
    }
  }
}

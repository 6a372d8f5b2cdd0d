package dev.localgpt.core.session;

import dev.localgpt.ports.llm.ChatMessage;
import dev.localgpt.ports.llm.ChatModel;
import dev.localgpt.ports.llm.Role;
import java.util.List;

/**
 * Compacts a session: (1) the facts of the older turns go to today's daily note ({@link
 * MemoryCheckpoint}), (2) the older turns are summarised by the model (or, failing that, by a plain
 * extract), (3) a compaction entry is appended to the store and the history becomes the summary
 * plus the last {@value #KEEP_MESSAGES} messages. An assistant tool call is never separated from
 * its results. If the process dies after (1), the transcript is still whole and the next run simply
 * compacts again; nothing is lost.
 */
public final class Compactor {
  public static final int KEEP_MESSAGES = 4;
  static final String PROMPT =
      "Summarize the following conversation concisely, preserving key information and context: who the user is, what"
          + " was asked, decisions, results of tool calls, and open tasks.";
  private static final int MAX_EXTRACT_LINE = 200;

  private final ChatModel model;
  private final MemoryCheckpoint checkpoint;

  /**
   * @param model the summarising model, or null in memory-only mode (the plain extract is used)
   */
  public Compactor(ChatModel model, MemoryCheckpoint checkpoint) {
    this.model = model;
    this.checkpoint = checkpoint;
  }

  /**
   * What the agent loop calls before each model call: compacts only when the history has reached
   * the budget's soft limit.
   */
  public CompactionOutcome compactIfNeeded(
      ChatSession session, String system, ContextBudget budget) {
    int tokens = ContextBudget.estimate(system, session.history());
    if (tokens < budget.softLimit()) {
      return new CompactionOutcome.Skipped(
          "within budget: "
              + tokens
              + " of "
              + budget.softLimit()
              + " tokens before the soft limit");
    }
    return compact(session, system);
  }

  /**
   * Compacts if there is anything older than the kept tail; {@code system} only counts for the
   * token numbers.
   */
  public CompactionOutcome compact(ChatSession session, String system) {
    List<ChatMessage> history = session.history();
    int split = splitIndex(history, KEEP_MESSAGES);
    if (split <= 0) {
      return new CompactionOutcome.Skipped(
          "nothing to compact: "
              + history.size()
              + " messages, the last "
              + KEEP_MESSAGES
              + " are kept");
    }
    List<ChatMessage> older = history.subList(0, split);
    int tokensBefore = ContextBudget.estimate(system, history);
    String note =
        checkpoint.write(session.id(), older).map(MemoryCheckpoint.Checkpoint::path).orElse("");
    String summary = summarise(older);
    boolean fromModel = summary != null;
    if (!fromModel) {
      summary = extract(older);
    }
    int kept = history.size() - split;
    session.applyCompaction(summary, kept, tokensBefore);
    int tokensAfter = ContextBudget.estimate(system, session.history());
    return new CompactionOutcome.Compacted(note, split, kept, tokensBefore, tokensAfter, fromModel);
  }

  /**
   * Where the kept tail starts: {@code keep} messages from the end, moved back so that it never
   * begins with a tool result (which would cut it off from the assistant message that called the
   * tool).
   */
  static int splitIndex(List<ChatMessage> history, int keep) {
    int split = history.size() - keep;
    while (split > 0 && history.get(split).role() == Role.TOOL) {
      split--;
    }
    return Math.max(split, 0);
  }

  private String summarise(List<ChatMessage> older) {
    return OneShotPrompt.ask(model, PROMPT, older, 2000, 2048)
        .map(String::strip)
        .filter(t -> !t.isEmpty())
        .orElse(null);
  }

  /** The fallback summary: the first line of every message, one bullet each. */
  static String extract(List<ChatMessage> older) {
    StringBuilder text = new StringBuilder("Earlier messages (first lines):\n");
    for (ChatMessage m : older) {
      String line = SessionHistory.firstLine(m.text());
      String who =
          switch (m.role()) {
            case USER -> "User";
            case ASSISTANT -> "Assistant";
            case TOOL -> "Tool " + m.toolName();
          };
      if (SessionHistory.isSummary(m)) {
        text.append("- Earlier summary: ")
            .append(
                SessionHistory.cut(
                    m.text().substring(SessionHistory.SUMMARY_MARKER.length()).strip(), 2000))
            .append('\n');
      } else if (!line.isEmpty()) {
        text.append("- ")
            .append(who)
            .append(": ")
            .append(SessionHistory.cut(line, MAX_EXTRACT_LINE))
            .append('\n');
      }
      m.toolCalls().forEach(c -> text.append("- Assistant called ").append(c.name()).append('\n'));
    }
    return text.toString().strip();
  }
}

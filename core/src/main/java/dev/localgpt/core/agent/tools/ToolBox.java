package dev.localgpt.core.agent.tools;

import dev.localgpt.core.workspace.PathEscapeException;
import dev.localgpt.ports.llm.ToolCall;
import dev.localgpt.ports.llm.ToolSpec;
import dev.localgpt.ports.tools.ToolSource;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The set of tools offered to the model, and the one place that runs a call: parses arguments, lets
 * the {@link ToolGate} decide (asking the {@link ApprovalGate} for tools that need approval: those
 * in {@code tools.require_approval}, and those that write, run or reach the network once the turn
 * took in untrusted content), maps failures to error results, marks the turn's {@link TurnTaint}
 * after a tool whose output is untrusted, caps the output and fences it in an {@link
 * UntrustedBlock}. Besides its fixed tools it may offer the tools of a {@link ToolSource} (the
 * user's MCP servers), which change between turns: {@link #refreshRemote()} brings them up to date.
 */
public final class ToolBox {
  private final Map<String, Tool> tools = new LinkedHashMap<>();
  private final ToolSettings settings;
  private final ToolGate gate;
  private final UntrustedBlock blocks;
  private final RemoteTools remote;

  public ToolBox(
      List<Tool> tools, ToolSettings settings, ApprovalGate approval, UntrustedBlock blocks) {
    this(tools, settings, approval, blocks, ToolSource.NONE);
  }

  /**
   * With the tools of {@code remote} (named {@code mcp_<server>_<tool>}) as well, after {@link
   * #refreshRemote()}.
   */
  public ToolBox(
      List<Tool> tools,
      ToolSettings settings,
      ApprovalGate approval,
      UntrustedBlock blocks,
      ToolSource remote) {
    for (Tool tool : tools) {
      if (this.tools.putIfAbsent(tool.name(), tool) != null) {
        throw new IllegalArgumentException("duplicate tool name '" + tool.name() + "'");
      }
    }
    this.settings = Objects.requireNonNull(settings, "'settings' must not be null");
    this.gate =
        ToolGate.of(settings, Objects.requireNonNull(approval, "'approval' must not be null"));
    this.blocks = Objects.requireNonNull(blocks, "'blocks' must not be null");
    this.remote = new RemoteTools(Objects.requireNonNull(remote, "'remote' must not be null"));
  }

  /**
   * Starts the remote tool servers that need it and takes their current tools; returns the problems
   * to tell the user (a server that failed, a tool left out for a name clash), each once. Blocks
   * for at most the servers' timeouts.
   */
  public List<String> refreshRemote() {
    return remote.refresh(tools.keySet());
  }

  /** A tool box with no tools (plain chat). */
  public static ToolBox empty() {
    return new ToolBox(
        List.of(), ToolSettings.DEFAULTS, ApprovalGate.DENY_ALL, UntrustedBlock.secure());
  }

  /** The fixed tools, then the remote ones of the last refresh. */
  public List<ToolSpec> specs() {
    return tools().stream().map(Tool::spec).toList();
  }

  public List<Tool> tools() {
    List<Tool> all = new ArrayList<>(tools.values());
    all.addAll(remote.current().values());
    return List.copyOf(all);
  }

  public boolean has(String name) {
    return find(name) != null;
  }

  private Tool find(String name) {
    Tool tool = tools.get(name);
    return tool != null ? tool : remote.current().get(name);
  }

  /** The detail shown in "Running tool: name (detail)"; empty when the arguments do not parse. */
  public String detail(ToolCall call) {
    Tool tool = find(call.name());
    if (tool == null) {
      return "";
    }
    try {
      return tool.detail(JsonArgs.of(call.arguments()));
    } catch (RuntimeException e) {
      return "";
    }
  }

  /**
   * Runs one call as the first of a turn that took in nothing untrusted yet; see {@link
   * #run(ToolCall, TurnTaint)}.
   */
  public ToolOutcome run(ToolCall call) {
    return run(call, TurnTaint.clean());
  }

  /**
   * Runs one call of the turn whose state is {@code taint} (read, and marked when this tool's
   * output is untrusted); never throws for tool failures or refusals, returns an error outcome
   * instead.
   */
  public ToolOutcome run(ToolCall call, TurnTaint taint) {
    Tool tool = find(call.name());
    if (tool == null) {
      return fenced(
          call.name(),
          UntrustedBlock.Kind.TOOL_OUTPUT,
          ToolOutcome.error(
              "Error: unknown tool '"
                  + call.name()
                  + "'. Available tools: "
                  + String.join(", ", tools().stream().map(Tool::name).toList())));
    }
    ToolOutcome outcome;
    try {
      if (!call.wellFormed()) {
        throw new ArgumentException(
            "they are not a JSON object: "
                + cut(call.malformedArguments())
                + ". Send the arguments as one JSON object");
      }
      JsonArgs args = JsonArgs.of(call.arguments());
      Optional<String> refused = gate.refusal(tool, tool.detail(args), taint);
      if (refused.isPresent()) {
        outcome = ToolOutcome.error(refused.get());
      } else {
        if (tool.effect().bringsUntrustedContent()) {
          taint.record(
              tool.name()); // before running: even a failure (a timeout's partial output) may carry
          // content
        }
        outcome = tool.execute(args);
      }
    } catch (ArgumentException e) {
      outcome =
          ToolOutcome.error("Error: bad arguments for " + tool.name() + ": " + e.getMessage());
    } catch (ToolException | PathEscapeException | IllegalArgumentException e) {
      outcome = ToolOutcome.error("Error: " + e.getMessage());
    } catch (UncheckedIOException e) {
      outcome = ToolOutcome.error("Error: " + e.getCause().getMessage());
    }
    return fenced(tool.name(), tool.outputKind(), outcome);
  }

  private static String cut(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "…";
  }

  private ToolOutcome fenced(String name, UntrustedBlock.Kind kind, ToolOutcome outcome) {
    return new ToolOutcome(blocks.wrap(kind, name, truncate(outcome.text())), outcome.error());
  }

  private String truncate(String text) {
    int max = settings.outputMaxChars();
    if (text.length() <= max) {
      return text;
    }
    return text.substring(0, max)
        + "\n[...truncated "
        + (text.length() - max)
        + " characters. Use read_file with offset to see more.]";
  }
}

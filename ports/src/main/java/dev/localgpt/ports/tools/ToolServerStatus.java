package dev.localgpt.ports.tools;

import java.util.List;
import java.util.Objects;

/**
 * One configured server as {@code mcp list} shows it.
 *
 * @param name the configured name
 * @param transport {@code stdio} or {@code http}
 * @param target the command line or URL
 * @param state where the server is
 * @param tools the names of its tools (empty unless running)
 * @param problem the last failure, empty when none
 */
public record ToolServerStatus(
    String name, String transport, String target, State state, List<String> tools, String problem) {

  /** Life cycle of a server. */
  public enum State {
    /** {@code enabled = false} in the config. */
    DISABLED,
    /** Not started yet (servers start on first use). */
    NOT_STARTED,
    /** Started and initialised; its tools are offered. */
    RUNNING,
    /** Failed to start, timed out or died; restarted on a later refresh after its backoff. */
    FAILED
  }

  public ToolServerStatus {
    Objects.requireNonNull(name, "'name' must not be null");
    Objects.requireNonNull(transport, "'transport' must not be null");
    Objects.requireNonNull(state, "'state' must not be null");
    target = target == null ? "" : target;
    tools = List.copyOf(tools);
    problem = problem == null ? "" : problem;
  }
}

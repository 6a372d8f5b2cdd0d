package dev.localgpt.ports.tools;

import java.util.List;

/**
 * What {@link ToolSource#refresh()} found.
 *
 * @param tools the tools of the servers running now
 * @param problems one line per server that failed since the last refresh (each failure is reported
 *     once)
 */
public record ToolSnapshot(List<RemoteTool> tools, List<String> problems) {
  public static final ToolSnapshot EMPTY = new ToolSnapshot(List.of(), List.of());

  public ToolSnapshot {
    tools = List.copyOf(tools);
    problems = List.copyOf(problems);
  }
}

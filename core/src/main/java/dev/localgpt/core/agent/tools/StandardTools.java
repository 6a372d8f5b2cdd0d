package dev.localgpt.core.agent.tools;

import dev.localgpt.core.memory.MemorySearch;
import dev.localgpt.core.workspace.PathGuard;
import dev.localgpt.ports.tools.ToolSource;
import dev.localgpt.ports.web.WebFetcher;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the LocalGPT tool set in its usual order; bash only when enabled, web_fetch only with a
 * fetcher.
 */
public final class StandardTools {
  private StandardTools() {}

  /**
   * The tools for a full (CLI) agent.
   *
   * @param fetcher the web fetcher, or null to leave {@code web_fetch} out
   */
  public static ToolBox create(
      PathGuard guard,
      MemorySearch memory,
      WebFetcher fetcher,
      ToolSettings settings,
      ApprovalGate approval) {
    return create(guard, memory, fetcher, settings, approval, ToolSource.NONE);
  }

  /** The tools for a full agent, plus those of the user's MCP servers ({@code remote}). */
  public static ToolBox create(
      PathGuard guard,
      MemorySearch memory,
      WebFetcher fetcher,
      ToolSettings settings,
      ApprovalGate approval,
      ToolSource remote) {
    List<Tool> tools = new ArrayList<>();
    if (settings.bashEnabled()) {
      tools.add(new BashTool(guard, settings));
    }
    tools.add(new ReadFileTool(guard));
    tools.add(new WriteFileTool(guard));
    tools.add(new EditFileTool(guard));
    tools.add(new MemorySearchTool(memory));
    tools.add(new MemoryGetTool(guard));
    if (fetcher != null) {
      tools.add(new WebFetchTool(fetcher, settings));
    }
    return new ToolBox(tools, settings, approval, UntrustedBlock.secure(), remote);
  }
}

package dev.localgpt.core.agent.tools;

import dev.localgpt.ports.tools.RemoteTool;
import dev.localgpt.ports.tools.ToolSnapshot;
import dev.localgpt.ports.tools.ToolSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The tools of the user's MCP servers, refreshed before each turn: named {@code
 * mcp_<server>_<tool>} (characters the model APIs refuse become {@code _}, at most 64 characters);
 * a name already taken, by a built-in tool or by another server's tool, leaves the later tool out.
 * Each problem (a failed server, a clash) is reported once.
 */
final class RemoteTools {
  static final int MAX_NAME = 64;
  private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9_-]");

  private final ToolSource source;
  private final Set<String> reported = Collections.synchronizedSet(new HashSet<>());
  private volatile Map<String, Tool> current = Map.of();

  RemoteTools(ToolSource source) {
    this.source = source;
  }

  /** The model-facing name of a server's tool. */
  static String name(String server, String tool) {
    String name =
        "mcp_"
            + UNSAFE.matcher(server).replaceAll("_")
            + "_"
            + UNSAFE.matcher(tool).replaceAll("_");
    return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME);
  }

  /** Asks the source for its tools now; returns the problems not reported before. */
  List<String> refresh(Set<String> taken) {
    ToolSnapshot snapshot = source.refresh();
    List<String> problems = new ArrayList<>(snapshot.problems());
    Map<String, Tool> next = new LinkedHashMap<>();
    for (RemoteTool tool : snapshot.tools()) {
      String name = name(tool.server(), tool.name());
      if (taken.contains(name) || next.containsKey(name)) {
        String clash =
            "MCP tool '"
                + tool.name()
                + "' of server '"
                + tool.server()
                + "' is left out: its name "
                + name
                + " is already taken"
                + (taken.contains(name) ? " by a built-in tool" : " by another MCP tool")
                + "; rename the server in [[mcp.servers]] to tell them apart";
        if (reported.add(clash)) {
          problems.add(clash);
        }
        continue;
      }
      next.put(name, new RemoteToolAdapter(name, tool, source));
    }
    current = Collections.unmodifiableMap(next);
    return problems;
  }

  Map<String, Tool> current() {
    return current;
  }
}

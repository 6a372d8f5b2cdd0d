package dev.localgpt.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The training run for the JDK 25 AOT cache ({@code bin/localgpt} runs it once with {@code
 * -XX:AOTCacheOutput}): executes typical commands in one JVM against the scratch home given in
 * {@code LOCALGPT_HOME}, output discarded, so the classes they need are in the cache. Add the
 * commands of new features to {@link #COMMANDS}.
 */
public final class AotTraining {
  static final List<String[]> COMMANDS =
      List.of(
          new String[] {"--version"},
          new String[] {"--help"},
          new String[] {"workspace", "init"},
          new String[] {"workspace", "status", "--json"},
          new String[] {"config", "show"},
          new String[] {"config", "show", "--json"},
          new String[] {"config", "check"},
          new String[] {"config", "get", "nonexistent.key"},
          new String[] {"memory", "stats"},
          // indexes the scratch workspace and loads the model: the classes of a local search
          // (SQLite, the memory service, onnxruntime, the JSON output) join the cache
          new String[] {"memory", "search", "hello", "--local"},
          new String[] {"memory", "search", "hello", "-l", "3", "--json", "--local"});

  private AotTraining() {}

  public static void main(String[] args) {
    train(System.getenv());
  }

  /** Runs every training command; returns how many exited 0. */
  static int train(Map<String, String> environment) {
    Map<String, String> env = new HashMap<>(environment);
    if (env.get("LOCALGPT_HOME") == null) {
      throw new IllegalStateException(
          "set LOCALGPT_HOME to a scratch directory for the training run");
    }
    PrintWriter sink = new PrintWriter(Writer.nullWriter());
    int succeeded = 0;
    for (String[] command : COMMANDS) {
      if (Main.run(new CliContext(env, sink, sink), command) == ExitCodes.OK) {
        succeeded++;
      }
    }
    return succeeded;
  }
}

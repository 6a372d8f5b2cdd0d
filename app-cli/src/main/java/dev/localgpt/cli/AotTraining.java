package dev.localgpt.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
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

  /** Commands that go through a daemon, run against {@link AotFakeDaemon}. */
  static final List<String[]> DAEMON_COMMANDS =
      List.of(
          new String[] {"memory", "search", "hello", "-l", "3"},
          new String[] {"memory", "search", "hello", "--json"},
          new String[] {"ask", "hello"});

  private AotTraining() {}

  public static void main(String[] args) {
    Main.quickStart();
    train(System.getenv());
  }

  /** Runs every training command; returns how many exited 0. */
  static int train(Map<String, String> environment) {
    Map<String, String> env = new HashMap<>(environment);
    if (env.get("LOCALGPT_HOME") == null) {
      throw new IllegalStateException(
          "set LOCALGPT_HOME to a scratch directory for the training run");
    }
    int succeeded = run(env, COMMANDS);
    try (AotFakeDaemon daemon = AotFakeDaemon.start(Path.of(env.get("LOCALGPT_HOME")))) {
      succeeded += run(env, DAEMON_COMMANDS);
    } catch (IOException e) {
      // no loopback server here: the cache just lacks the daemon path's classes
    }
    return succeeded;
  }

  private static int run(Map<String, String> env, List<String[]> commands) {
    PrintWriter sink = new PrintWriter(Writer.nullWriter());
    int succeeded = 0;
    for (String[] command : commands) {
      if (Main.run(new CliContext(env, sink, sink), command) == ExitCodes.OK) {
        succeeded++;
      }
    }
    return succeeded;
  }
}

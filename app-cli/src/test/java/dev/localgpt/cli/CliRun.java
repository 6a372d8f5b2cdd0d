package dev.localgpt.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs {@code localgpt} in process with captured output and {@code LOCALGPT_HOME} pointing at a
 * test directory.
 */
record CliRun(int exitCode, String out, String err) {
  static CliRun run(Path home, String... args) {
    return run(
        Map.of("LOCALGPT_HOME", home.toString(), "HOME", home.resolve("user").toString()), args);
  }

  static CliRun run(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new CliContext(
                new HashMap<>(env), new PrintWriter(out, true), new PrintWriter(err, true)),
            args);
    return new CliRun(code, out.toString(), err.toString());
  }
}

package dev.localgpt.core.agent.tools;

import dev.localgpt.core.workspace.PathGuard;
import dev.localgpt.ports.llm.ToolSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code bash}: runs {@code bash -c <command>} in the workspace with a timeout, the deny-list, an
 * output cap and an allow-listed environment, inside Bubblewrap where it is installed ({@link
 * BashSandbox}). Only offered when enabled.
 */
public final class BashTool implements Tool {
  private static final ToolSpec SPEC =
      new ToolSpec(
          "bash",
          "Execute a bash command in the workspace and return its output. Dangerous commands are refused.",
          Schemas.object(
              Schemas.required("command"),
              Schemas.prop("command", "string", "The bash command to execute"),
              Schemas.prop("timeout_ms", "integer", "Timeout in milliseconds (default 30000)")));
  private static final long MAX_TIMEOUT_MS = 600_000;

  private final Path workdir;
  private final ToolSettings settings;
  private final BashPolicy policy;

  public BashTool(PathGuard guard, ToolSettings settings) {
    this.workdir = guard.base();
    this.settings = settings;
    this.policy = new BashPolicy(settings.bashDenyList());
  }

  @Override
  public ToolEffect effect() {
    return ToolEffect.RUN;
  }

  @Override
  public ToolSpec spec() {
    return SPEC;
  }

  @Override
  public String detail(JsonArgs args) {
    String command = args.optString("command").orElse("");
    return command.length() > 80 ? command.substring(0, 77) + "..." : command;
  }

  @Override
  public ToolOutcome execute(JsonArgs args) {
    String command = args.string("command");
    var refused = policy.refusal(command);
    if (refused.isPresent()) {
      return ToolOutcome.error("Error: " + refused.get());
    }
    long timeoutMs =
        Math.min(
            MAX_TIMEOUT_MS, args.optLong("timeout_ms").orElse(settings.bashTimeout().toMillis()));
    if (timeoutMs <= 0) {
      throw new ToolException("'timeout_ms' must be > 0, was " + timeoutMs);
    }
    Path out = null;
    Path err = null;
    try {
      out = Files.createTempFile("localgpt-bash-", ".out");
      err = Files.createTempFile("localgpt-bash-", ".err");
      ProcessBuilder builder =
          new ProcessBuilder(settings.bashSandbox().argv(command, workdir))
              .directory(workdir.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
              .redirectOutput(out.toFile())
              .redirectError(err.toFile());
      Map<String, String> env = builder.environment();
      Map<String, String> allowed = BashSandbox.environment(env, workdir);
      env.clear();
      env.putAll(allowed);
      Process process = builder.start();
      if (!process.waitFor(timeoutMs, TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(2, TimeUnit.SECONDS);
        return ToolOutcome.error(
            "Error: command timed out after "
                + Duration.ofMillis(timeoutMs).toMillis()
                + " ms and was killed. Partial output:\n"
                + head(out));
      }
      return ToolOutcome.ok(format(head(out), head(err), process.exitValue()));
    } catch (IOException e) {
      throw new ToolException("cannot run bash: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ToolException("interrupted while running the command");
    } finally {
      deleteQuietly(out);
      deleteQuietly(err);
    }
  }

  static String format(String stdout, String stderr, int exit) {
    StringBuilder text = new StringBuilder(stdout);
    if (!stderr.isEmpty()) {
      text.append("\n\nSTDERR:\n").append(stderr);
    }
    if (text.isEmpty()) {
      return "Command completed with exit code: " + exit;
    }
    if (exit != 0) {
      text.append("\n\nExit code: ").append(exit);
    }
    return text.toString();
  }

  private String head(Path file) throws IOException {
    long max = settings.outputMaxChars() * 4L;
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max));
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // a leftover temp file is harmless
      }
    }
  }
}

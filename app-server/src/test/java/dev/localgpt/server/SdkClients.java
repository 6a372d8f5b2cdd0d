package dev.localgpt.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Real OpenAI client libraries run on a script from {@code src/test/resources/openai-clients}: the
 * npm ones (installed by {@code app-server/fetch-openai-clients.sh}) by {@code node}, the Python
 * SDK by {@code python3} ({@code LOCALGPT_PYTHON} to choose another). Tests call {@link
 * #assumeNodePackages} or {@link #assumePythonSdk} first: without them they skip with a message.
 */
final class SdkClients {
  private static final String SCRIPTS = "/openai-clients/";

  private SdkClients() {}

  /** The clients' folder: {@code -Dlocalgpt.openaiClients}, the env variable, or the cache. */
  static Path dir() {
    String configured =
        Optional.ofNullable(System.getProperty("localgpt.openaiClients"))
            .orElse(System.getenv("LOCALGPT_OPENAI_CLIENTS"));
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    return Path.of(System.getProperty("user.home"), ".cache", "localgpt", "openai-clients");
  }

  static Optional<Path> onPath(String program) {
    String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
    for (String folder : path.split(File.pathSeparator)) {
      if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, program))) {
        return Optional.of(Path.of(folder, program));
      }
    }
    return Optional.empty();
  }

  static Optional<Path> node() {
    return onPath("node");
  }

  static Optional<Path> python() {
    String configured = System.getenv("LOCALGPT_PYTHON");
    if (configured != null && !configured.isBlank()) {
      return Optional.of(Path.of(configured));
    }
    return onPath("python3");
  }

  /** Skips unless {@link #python()} imports the {@code openai} package. */
  static void assumePythonSdk() throws IOException, InterruptedException {
    Assumptions.assumeTrue(
        python().isPresent(), "OpenAI Python SDK test skipped: no python3 on PATH");
    Process probe =
        new ProcessBuilder(python().get().toString(), "-c", "import openai")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    Assumptions.assumeTrue(
        probe.waitFor(1, TimeUnit.MINUTES) && probe.exitValue() == 0,
        "OpenAI Python SDK test skipped: "
            + python().get()
            + " cannot import openai (Debian 12 has no python3-openai; install the openai package"
            + " or set LOCALGPT_PYTHON to a python3 that has it)");
  }

  static void assumeNodePackages(String... packages) {
    Assumptions.assumeTrue(
        node().isPresent(),
        "OpenAI SDK test skipped: no node on PATH (install Node.js 18+, then run"
            + " app-server/fetch-openai-clients.sh)");
    for (String name : packages) {
      Path manifest = dir().resolve("node_modules").resolve(name).resolve("package.json");
      Assumptions.assumeTrue(
          Files.isRegularFile(manifest),
          "OpenAI SDK test skipped: no npm package "
              + name
              + " in "
              + dir()
              + " (run app-server/fetch-openai-clients.sh)");
    }
  }

  /**
   * Runs the node {@code script} with the clients' folder and {@code args}; returns the one JSON
   * line it printed.
   */
  static JsonNode runNode(String script, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(node().orElseThrow().toString(), file(script)));
    command.add(dir().toString());
    command.addAll(List.of(args));
    return run(script, command);
  }

  /** Runs the Python {@code script} with {@code args}; returns the one JSON line it printed. */
  static JsonNode runPython(String script, String... args)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(List.of(python().orElseThrow().toString(), file(script)));
    command.addAll(List.of(args));
    return run(script, command);
  }

  private static String file(String script) {
    try {
      return Path.of(SdkClients.class.getResource(SCRIPTS + script).toURI()).toString();
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("test script " + script + " not on the classpath", e);
    }
  }

  private static JsonNode run(String script, List<String> command)
      throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    process.getOutputStream().close();
    byte[] out = process.getInputStream().readAllBytes();
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException(script + " did not finish");
    }
    String text = new String(out, StandardCharsets.UTF_8).strip();
    String last = text.substring(text.lastIndexOf('\n') + 1);
    JsonNode result = HttpJson.MAPPER.readTree(last);
    if (result.has("crashed")) {
      throw new IllegalStateException(script + " crashed: " + result.get("crashed").asText());
    }
    return result;
  }
}

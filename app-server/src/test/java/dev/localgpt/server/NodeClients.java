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
 * Real OpenAI client libraries from npm (installed by {@code app-server/fetch-openai-clients.sh}),
 * run by {@code node} on a script from {@code src/test/resources/openai-clients}. Tests call {@link
 * #assumeInstalled()} first: without node or the packages they skip with a message.
 */
final class NodeClients {
  private static final String SCRIPTS = "/openai-clients/";

  private NodeClients() {}

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

  static Optional<Path> node() {
    String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
    for (String folder : path.split(File.pathSeparator)) {
      if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, "node"))) {
        return Optional.of(Path.of(folder, "node"));
      }
    }
    return Optional.empty();
  }

  static void assumeInstalled(String... packages) {
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
   * Runs {@code script} with the clients' folder and {@code args}; returns the one JSON line it
   * printed.
   */
  static JsonNode run(String script, String... args) throws IOException, InterruptedException {
    Path file;
    try {
      file = Path.of(NodeClients.class.getResource(SCRIPTS + script).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("test script " + script + " not on the classpath", e);
    }
    List<String> command =
        new ArrayList<>(List.of(node().orElseThrow().toString(), file.toString()));
    command.add(dir().toString());
    command.addAll(List.of(args));
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

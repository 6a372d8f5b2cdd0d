package dev.localgpt.adapter.mcp;

import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Builds the SDK transport for a server's settings. */
final class Transports {
  static final String VERSION = "0.1.0";
  static final McpJsonMapper JSON = new JacksonMcpJsonMapper(JsonConversion.MAPPER);

  private Transports() {}

  /**
   * For a stdio server whose program does not exist (or is not executable): the problem, naming the
   * fix. A command without a slash is looked up on the {@code PATH}, as the operating system would.
   */
  static Optional<String> missingCommand(McpServerSettings settings) {
    if (settings.transport() != McpServerSettings.Transport.STDIO) {
      return Optional.empty();
    }
    String command = settings.command();
    if (command.contains("/")) {
      return Files.isExecutable(Path.of(command))
          ? Optional.empty()
          : Optional.of(
              "cannot start: '" + command + "' does not exist or is not executable; fix 'command'");
    }
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
        return Optional.empty();
      }
    }
    return Optional.of(
        "cannot start: '"
            + command
            + "' is not on the PATH; install it or give its full path in "
            + "'command'");
  }

  static Started open(McpServerSettings settings) {
    return switch (settings.transport()) {
      case STDIO -> {
        ServerParameters params =
            ServerParameters.builder(settings.command())
                .args(settings.args())
                .env(settings.env())
                .build();
        StdioClientTransport transport = new StdioClientTransport(params, JSON);
        Started started = Started.process(transport, settings);
        transport.setStdErrorHandler(started::stderr);
        yield started;
      }
      case HTTP -> {
        URI uri = URI.create(settings.url());
        String base = uri.getScheme() + "://" + uri.getRawAuthority();
        String endpoint =
            uri.getRawPath() == null || uri.getRawPath().isEmpty()
                ? "/mcp"
                : uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        yield Started.remote(
            HttpClientStreamableHttpTransport.builder(base)
                .endpoint(endpoint)
                .jsonMapper(JSON)
                .connectTimeout(settings.timeout())
                .build());
      }
    };
  }
}

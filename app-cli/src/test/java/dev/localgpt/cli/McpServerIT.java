package dev.localgpt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code localgpt mcp-server} as MCP clients use it: a real process driven by the official SDK's
 * client over stdio, a raw check that stdout carries nothing but JSON-RPC, and {@code localgpt mcp
 * list} with our own server configured as the user's MCP server.
 */
class McpServerIT {
  @TempDir Path home;

  @BeforeEach
  void setUp() throws Exception {
    Files.createDirectories(home.resolve("workspace/memory"));
    Files.writeString(home.resolve("config.toml"), "[memory]\nembedding_provider = \"none\"\n");
    Files.writeString(
        home.resolve("workspace/MEMORY.md"), "# Memory\n\nThe user keeps bees named Zorblax.\n");
    Files.writeString(home.resolve("secret.md"), "outside the workspace\n");
  }

  private List<String> command(String... args) {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                "--enable-native-access=ALL-UNNAMED",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.localgpt.cli.Main"));
    cmd.addAll(List.of(args));
    return cmd;
  }

  private static String java() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  private Map<String, String> env() {
    return Map.of(
        "LOCALGPT_HOME",
        home.toString(),
        "HOME",
        home.resolve("user").toString(),
        "OLLAMA_HOST",
        "127.0.0.1:1");
  }

  @Test
  void theSdkClientListsSearchesReadsAndAppendsThroughOurServer() throws Exception {
    ServerParameters params =
        ServerParameters.builder(java()).args(command("mcp-server")).env(env()).build();
    StdioClientTransport transport =
        new StdioClientTransport(params, new JacksonMcpJsonMapper(new ObjectMapper()));
    try (McpSyncClient client =
        McpClient.sync(transport)
            .requestTimeout(Duration.ofSeconds(60))
            .initializationTimeout(Duration.ofSeconds(60))
            .build()) {
      McpSchema.InitializeResult init = client.initialize();
      assertThat(init.serverInfo().name()).isEqualTo("localgpt");

      assertThat(client.listTools().tools())
          .extracting(McpSchema.Tool::name)
          .containsExactlyInAnyOrder(
              "memory_search", "memory_get", "memory_append", "memory_stats");

      McpSchema.CallToolResult search =
          call(client, "memory_search", Map.of("query", "Zorblax", "limit", 3));
      assertThat(search.isError()).isFalse();
      assertThat(text(search)).contains("\"path\":\"MEMORY.md\"").contains("Zorblax");

      assertThat(
              text(call(client, "memory_get", Map.of("path", "MEMORY.md", "from", 3, "lines", 1))))
          .contains("(lines 3-3 of 3)")
          .contains("bees named Zorblax");

      for (String escape :
          List.of("../secret.md", "memory/../../secret.md", home.resolve("secret.md").toString())) {
        McpSchema.CallToolResult refused = call(client, "memory_get", Map.of("path", escape));
        assertThat(refused.isError()).as(escape).isTrue();
        assertThat(text(refused))
            .as(escape)
            .startsWith("Error:")
            .doesNotContain("outside the workspace");
      }

      McpSchema.CallToolResult appended =
          call(client, "memory_append", Map.of("text", "- met Quillon at the fair"));
      Path note = home.resolve("workspace/memory/" + LocalDate.now() + ".md");
      assertThat(text(appended)).contains("memory/" + LocalDate.now() + ".md");
      assertThat(Files.readString(note)).endsWith("- met Quillon at the fair\n");
      assertThat(text(call(client, "memory_search", Map.of("query", "Quillon"))))
          .contains(LocalDate.now() + ".md");

      JsonNode stats = new ObjectMapper().readTree(text(call(client, "memory_stats", Map.of())));
      assertThat(stats.path("files").asInt()).isGreaterThanOrEqualTo(2);

      assertThat(call(client, "memory_search", Map.of()).isError()).isTrue();
    }
  }

  private static McpSchema.CallToolResult call(
      McpSyncClient client, String tool, Map<String, Object> args) {
    return client.callTool(new McpSchema.CallToolRequest(tool, args));
  }

  private static String text(McpSchema.CallToolResult result) {
    return ((McpSchema.TextContent) result.content().get(0)).text();
  }

  @Test
  void stdoutCarriesOnlyProtocolMessages() throws Exception {
    List<String> cmd = new ArrayList<>(List.of(java()));
    cmd.addAll(command("mcp-server"));
    ProcessBuilder builder = new ProcessBuilder(cmd);
    builder.environment().putAll(env());
    Process process = builder.start();
    try (OutputStream in = process.getOutputStream()) {
      in.write(
          ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                  + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}\n"
                  + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n"
                  + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}\n")
              .getBytes(StandardCharsets.UTF_8));
      in.flush();
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      List<String> lines = new ArrayList<>();
      String line;
      while (lines.size() < 2 && (line = out.readLine()) != null) {
        lines.add(line);
      }
      in.close();
      while ((line = out.readLine()) != null) {
        lines.add(line);
      }
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("exits when stdin closes").isTrue();
      assertThat(lines).hasSizeGreaterThanOrEqualTo(2);
      for (String l : lines) {
        assertThat(new ObjectMapper().readTree(l).path("jsonrpc").asText()).as(l).isEqualTo("2.0");
      }
      assertThat(lines.get(1)).contains("memory_append");
      assertThat(process.exitValue()).isZero();
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  void mcpListStartsTheConfiguredServersAndShowsTheirTools() throws Exception {
    StringBuilder toml =
        new StringBuilder("[memory]\nembedding_provider = \"none\"\n\n[[mcp.servers]]\n")
            .append("name = \"self\"\ncommand = ")
            .append(quote(java()))
            .append("\nargs = [");
    List<String> args = command("mcp-server");
    for (int i = 0; i < args.size(); i++) {
      toml.append(i == 0 ? "" : ", ").append(quote(args.get(i)));
    }
    toml.append("]\ntimeout = \"60s\"\nenv = { LOCALGPT_HOME = ")
        .append(quote(home.toString()))
        .append(" }\n\n")
        .append("[[mcp.servers]]\nname = \"gone\"\ncommand = \"/nonexistent/server\"\n\n")
        .append("[[mcp.servers]]\nname = \"off\"\ncommand = \"true\"\nenabled = false\n");
    Files.writeString(home.resolve("config.toml"), toml.toString());

    CliRun json = CliRun.run(home, "mcp", "list", "--json");
    JsonNode servers = new ObjectMapper().readTree(json.out());
    assertThat(servers).hasSize(3);
    assertThat(servers.get(0).path("state").asText()).as(json.err()).isEqualTo("running");
    assertThat(servers.get(0).path("tools").toString())
        .contains("memory_search")
        .contains("memory_append");
    assertThat(servers.get(1).path("state").asText()).isEqualTo("failed");
    assertThat(servers.get(1).path("problem").asText()).contains("does not exist");
    assertThat(servers.get(2).path("state").asText()).isEqualTo("disabled");
    assertThat(json.exitCode()).isEqualTo(ExitCodes.GENERAL);

    CliRun text = CliRun.run(home, "mcp", "list");
    assertThat(text.out())
        .contains("self  running")
        .contains("tools: memory_search")
        .contains("gone  failed")
        .contains("off  disabled");
    assertThat(text.err()).contains("warning: MCP server 'gone' cannot start");
    assertThat(
            ProcessHandle.current()
                .children()
                .filter(p -> p.info().commandLine().orElse("").contains("mcp-server"))
                .filter(ProcessHandle::isAlive))
        .as("no server left running")
        .isEmpty();
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}

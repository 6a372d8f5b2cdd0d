package dev.localgpt.adapter.mcp;

import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A small MCP server for the tests, run as a child process ({@code java -cp <test classpath>
 * dev.localgpt.adapter.mcp.TestMcpServer MODE}). Modes: {@code tools} serves {@code echo}, {@code
 * fail} (an error result), {@code crash} (the process exits during the call) and {@code hang}
 * (never answers the call); {@code silent} reads and never answers; {@code garbage} answers every
 * line with text that is not JSON-RPC; {@code exit} writes to stderr and exits at once.
 */
public final class TestMcpServer {
  private TestMcpServer() {}

  public static void main(String[] args) throws Exception {
    String mode = args.length == 0 ? "tools" : args[0];
    switch (mode) {
      case "tools" -> tools(args.length > 1 ? args[1] : "echo");
      case "silent" -> {
        BufferedReader in =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        while (in.readLine() != null) {
          // never answer
        }
      }
      case "garbage" -> {
        BufferedReader in =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        while (in.readLine() != null) {
          System.out.println("this is not JSON-RPC {{{");
          System.out.flush();
        }
      }
      case "exit" -> {
        System.err.println("boom: cannot open the database");
        System.exit(3);
      }
      default -> throw new IllegalArgumentException("unknown mode " + mode);
    }
  }

  private static void tools(String echoName) throws InterruptedException {
    StdioServerTransportProvider transport =
        new StdioServerTransportProvider(Transports.JSON, System.in, System.out);
    Map<String, Object> textArg =
        Map.of(
            "type",
            "object",
            "properties",
            Map.of("text", Map.of("type", "string", "description", "text to echo")),
            "required",
            List.of("text"));
    Map<String, Object> none = Map.of("type", "object", "properties", Map.of());
    McpServer.sync(transport)
        .serverInfo("test-server", "1.0")
        .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
        .tools(
            tool(
                echoName,
                "Echoes the text back.",
                textArg,
                request -> ok("echo: " + request.arguments().get("text"))),
            tool(
                "fail",
                "Always fails.",
                none,
                request ->
                    McpSchema.CallToolResult.builder()
                        .addTextContent("the fail tool failed, as it always does")
                        .isError(true)
                        .build()),
            tool(
                "crash",
                "Kills the server during the call.",
                none,
                request -> {
                  Runtime.getRuntime().halt(7);
                  return ok("unreachable");
                }),
            tool(
                "hang",
                "Never answers.",
                none,
                request -> {
                  try {
                    Thread.sleep(Long.MAX_VALUE);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  return ok("woke up");
                }))
        .build();
    Thread.currentThread().join();
  }

  private static SyncToolSpecification tool(
      String name,
      String description,
      Map<String, Object> schema,
      java.util.function.Function<McpSchema.CallToolRequest, McpSchema.CallToolResult> handler) {
    return SyncToolSpecification.builder()
        .tool(
            McpSchema.Tool.builder()
                .name(name)
                .description(description)
                .inputSchema(schema)
                .build())
        .callHandler((exchange, request) -> handler.apply(request))
        .build();
  }

  private static McpSchema.CallToolResult ok(String text) {
    return McpSchema.CallToolResult.builder().addTextContent(text).isError(false).build();
  }
}

package dev.localgpt.adapter.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.localgpt.ports.json.JsonObject;
import dev.localgpt.ports.tools.RemoteTool;
import dev.localgpt.ports.tools.ToolServerStatus.State;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client over streamable HTTP, against a minimal MCP endpoint on 127.0.0.1 that answers each
 * JSON-RPC POST with a JSON body (the plain-JSON form of the transport).
 */
class McpHttpIT {
  private HttpServer server;
  private final List<String> methods = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/mcp", this::handle);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    if (!exchange.getRequestMethod().equals("POST")) {
      exchange.sendResponseHeaders(405, -1);
      exchange.close();
      return;
    }
    JsonNode request = JsonConversion.MAPPER.readTree(exchange.getRequestBody());
    String method = request.path("method").asText();
    methods.add(method);
    if (!request.has("id")) {
      exchange.sendResponseHeaders(202, -1);
      exchange.close();
      return;
    }
    ObjectNode reply = JsonConversion.MAPPER.createObjectNode().put("jsonrpc", "2.0");
    reply.set("id", request.get("id"));
    reply.set(
        "result",
        JsonConversion.MAPPER.valueToTree(
            switch (method) {
              case "initialize" ->
                  Map.of(
                      "protocolVersion",
                      request.path("params").path("protocolVersion").asText(),
                      "capabilities",
                      Map.of("tools", Map.of()),
                      "serverInfo",
                      Map.of("name", "fake-http", "version", "1"));
              case "tools/list" ->
                  Map.of(
                      "tools",
                      List.of(
                          Map.of(
                              "name",
                              "time",
                              "description",
                              "The time.",
                              "inputSchema",
                              Map.of(
                                  "type",
                                  "object",
                                  "properties",
                                  Map.of("zone", Map.of("type", "string"))))));
              case "tools/call" ->
                  Map.of(
                      "content",
                      List.of(
                          Map.of(
                              "type",
                              "text",
                              "text",
                              "12:00 in "
                                  + request
                                      .path("params")
                                      .path("arguments")
                                      .path("zone")
                                      .asText())));
              default -> Map.of();
            }));
    byte[] body = JsonConversion.MAPPER.writeValueAsBytes(reply);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  @Test
  void listsAndCallsToolsOfAStreamableHttpServer() {
    String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/mcp";
    McpServerSettings http =
        new McpServerSettings(
            "clock",
            McpServerSettings.Transport.HTTP,
            "",
            List.of(),
            Map.of(),
            url,
            true,
            Duration.ofSeconds(10));
    try (McpToolSource source = new McpToolSource(List.of(http))) {
      assertThat(source.refresh().tools()).extracting(RemoteTool::name).containsExactly("time");

      assertThat(source.call("clock", "time", JsonObject.of("zone", "UTC")).text())
          .isEqualTo("12:00 in UTC");
      assertThat(source.status().get(0).state()).isEqualTo(State.RUNNING);
      assertThat(source.status().get(0).target()).isEqualTo(url);
      assertThat(methods).contains("initialize", "tools/list", "tools/call");
    }
  }

  @Test
  void anEndpointThatIsNotThereIsReportedOnce() {
    McpServerSettings nowhere =
        new McpServerSettings(
            "nowhere",
            McpServerSettings.Transport.HTTP,
            "",
            List.of(),
            Map.of(),
            "http://127.0.0.1:1/mcp",
            true,
            Duration.ofSeconds(5));
    try (McpToolSource source = new McpToolSource(List.of(nowhere))) {
      assertThat(source.refresh().problems())
          .singleElement()
          .asString()
          .contains("'nowhere' did not start: cannot connect")
          .contains("at http://127.0.0.1:1/mcp");
      assertThat(source.status().get(0).state()).isEqualTo(State.FAILED);
    }
  }
}

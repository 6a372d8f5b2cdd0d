package dev.localgpt.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /mcp}: the memory tools over streamable HTTP, driven by the official SDK client, behind
 * the token.
 */
class McpRouteTest {
  @TempDir Path home;

  @Test
  void theSdkClientUsesTheMemoryToolsWithTheTokenAndNothingWorksWithoutIt() throws Exception {
    try (ServerFixture server = ServerFixture.startWithToken(home, "s3cret")) {
      int port = server.server.port();
      HttpClientStreamableHttpTransport transport =
          HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + port)
              .endpoint("/mcp")
              .jsonMapper(new JacksonMcpJsonMapper(new ObjectMapper()))
              .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer s3cret"))
              .build();
      try (McpSyncClient client =
          McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30)).build()) {
        assertThat(client.initialize().serverInfo().name()).isEqualTo("localgpt");
        assertThat(client.listTools().tools())
            .extracting(McpSchema.Tool::name)
            .containsExactlyInAnyOrder(
                "memory_search", "memory_get", "memory_append", "memory_stats");

        McpSchema.CallToolResult appended =
            client.callTool(
                new McpSchema.CallToolRequest(
                    "memory_append", Map.of("text", "- the daemon heard about Vexilla")));
        assertThat(appended.isError()).isFalse();
        Path note = server.workspace().root().resolve("memory/" + LocalDate.now() + ".md");
        assertThat(Files.readString(note)).contains("- the daemon heard about Vexilla");
        McpSchema.CallToolResult refused =
            client.callTool(
                new McpSchema.CallToolRequest("memory_get", Map.of("path", "../config.toml")));
        assertThat(refused.isError()).isTrue();
      }

      HttpResponse<String> anonymous =
          server.http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mcp"))
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}"))
                  .build());
      assertThat(anonymous.statusCode()).isEqualTo(401);
      Http authorised = new Http(port).token("s3cret");
      assertThat(authorised.get("/mcp").statusCode()).isEqualTo(405);
      HttpResponse<String> garbage =
          authorised.send(
              authorised
                  .request("/mcp")
                  .POST(HttpRequest.BodyPublishers.ofString("not json"))
                  .build());
      assertThat(garbage.body()).contains("-32700");
    }
  }
}

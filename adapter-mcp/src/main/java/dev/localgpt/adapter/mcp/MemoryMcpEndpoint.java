package dev.localgpt.adapter.mcp;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.server.McpStatelessServerHandler;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStatelessServerTransport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * LocalGPT's memory tools over MCP's streamable HTTP transport, stateless and without a web server
 * of its own: the HTTP layer hands each POSTed JSON-RPC message to {@link #post} and sends back
 * what it returns as {@code application/json} (or 202 Accepted when it returns nothing). The same
 * four tools as {@link MemoryMcpServer}. Thread-safe.
 */
public final class MemoryMcpEndpoint implements AutoCloseable {
  /** The JSON-RPC error for a body that is not a JSON-RPC message. */
  public static final int PARSE_ERROR = -32700;

  private final HandlerHolder transport = new HandlerHolder();
  private final McpStatelessSyncServer server;
  private final Duration timeout;

  public MemoryMcpEndpoint(
      dev.localgpt.ports.memory.MemoryOperations memory, String version, Duration timeout) {
    this.timeout = timeout;
    this.server =
        McpServer.sync(transport)
            .serverInfo(new McpSchema.Implementation("localgpt", "LocalGPT memory", version))
            .jsonMapper(Transports.JSON)
            .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
            .tools(
                new MemoryToolHandlers(memory)
                    .statelessSpecifications()
                    .toArray(McpStatelessServerFeatures.SyncToolSpecification[]::new))
            .build();
  }

  /**
   * Answers one posted JSON-RPC message.
   *
   * @return the response to send, or empty for a notification or a response (answer 202 Accepted)
   */
  public Optional<String> post(String body) {
    McpSchema.JSONRPCMessage message;
    try {
      message = McpSchema.deserializeJsonRpcMessage(Transports.JSON, body);
    } catch (IOException | RuntimeException e) {
      return Optional.of(
          parseError("not a JSON-RPC 2.0 message: " + Failures.describe(e, timeout)));
    }
    McpStatelessServerHandler handler = transport.handler;
    return switch (message) {
      case McpSchema.JSONRPCRequest request ->
          Optional.of(
              write(handler.handleRequest(McpTransportContext.EMPTY, request).block(timeout)));
      case McpSchema.JSONRPCNotification notification -> {
        handler.handleNotification(McpTransportContext.EMPTY, notification).block(timeout);
        yield Optional.empty();
      }
      default -> Optional.empty();
    };
  }

  /** JSON-RPC's parse error, whose id is null (the SDK's response type refuses a null id). */
  private static String parseError(String message) {
    var reply = JsonConversion.MAPPER.createObjectNode().put("jsonrpc", "2.0").putNull("id");
    reply.putObject("error").put("code", PARSE_ERROR).put("message", message);
    return reply.toString();
  }

  private static String write(Object value) {
    try {
      return Transports.JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.close();
  }

  /** The SDK's stateless transport, reduced to holding the handler that {@link #post} calls. */
  private static final class HandlerHolder implements McpStatelessServerTransport {
    private volatile McpStatelessServerHandler handler;

    @Override
    public void setMcpHandler(McpStatelessServerHandler handler) {
      this.handler = handler;
    }

    @Override
    public Mono<Void> closeGracefully() {
      return Mono.empty();
    }
  }
}

package dev.localgpt.server.mcp;

import dev.localgpt.adapter.mcp.MemoryMcpEndpoint;
import dev.localgpt.server.ErrorMapper;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * MCP over streamable HTTP at {@code /mcp}: each POSTed JSON-RPC message is answered with one JSON
 * body (202 for notifications). There are no server-sent streams or sessions, so GET and DELETE are
 * refused with 405, as the transport allows.
 */
public final class McpHttpService implements HttpService {
  public static final String PATH = "/mcp";

  private final MemoryMcpEndpoint endpoint;

  public McpHttpService(MemoryMcpEndpoint endpoint) {
    this.endpoint = endpoint;
  }

  @Override
  public void routing(HttpRules rules) {
    rules.post(PATH, this::post).any(PATH, ErrorMapper.methodNotAllowed("POST"));
  }

  private void post(ServerRequest req, ServerResponse res) {
    String body = new String(req.content().as(byte[].class), StandardCharsets.UTF_8);
    Optional<String> reply = endpoint.post(body);
    if (reply.isEmpty()) {
      res.status(Status.ACCEPTED_202).send();
      return;
    }
    res.header(HeaderNames.CONTENT_TYPE, "application/json");
    res.send(reply.get().getBytes(StandardCharsets.UTF_8));
  }
}

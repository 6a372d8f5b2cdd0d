package dev.localgpt.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * JSON over HTTP with Jackson: reading a request body as a tree, writing a response. Bodies that
 * are empty, not JSON or not an object are {@link ApiException 400}s naming the problem.
 */
public final class HttpJson {
  /** The one mapper (thread-safe). */
  public static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private HttpJson() {}

  /** A new empty JSON object. */
  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** Sends {@code body} as JSON with status 200. */
  public static void send(ServerResponse res, Object body) {
    send(res, Status.OK_200, body);
  }

  /** Sends {@code body} as JSON with {@code status}. */
  public static void send(ServerResponse res, Status status, Object body) {
    res.status(status);
    res.header(HeaderNames.CONTENT_TYPE, MediaTypes.APPLICATION_JSON.text());
    res.send(bytes(body));
  }

  /** {@code value} as JSON bytes. */
  public static byte[] bytes(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** {@code value} as a JSON string. */
  public static String text(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * The request body, which must be a JSON object.
   *
   * @throws ApiException 400 when the body is missing, malformed or not an object
   */
  public static ObjectNode readObject(ServerRequest req) {
    try (InputStream in = req.content().inputStream()) {
      byte[] body = in.readAllBytes();
      if (body.length == 0) {
        throw ApiException.badRequest("the request body is empty: send a JSON object");
      }
      return parseObject(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The request body as a JSON object; an empty or blank body is an empty object. */
  public static ObjectNode readOptionalObject(ServerRequest req) {
    try (InputStream in = req.content().inputStream()) {
      byte[] body = in.readAllBytes();
      return new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()
          ? object()
          : parseObject(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code body} as a JSON object.
   *
   * @throws ApiException 400 when it is malformed or not an object
   */
  public static ObjectNode parseObject(byte[] body) {
    JsonNode node;
    try {
      node = MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest(
          "the request body is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (node == null || node.isMissingNode()) {
      throw ApiException.badRequest("the request body is empty: send a JSON object");
    }
    if (!(node instanceof ObjectNode object)) {
      throw ApiException.badRequest(
          "the request body must be a JSON object, was "
              + node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT));
    }
    return object;
  }
}

package dev.localgpt.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localgpt.core.config.ConfigException;
import dev.localgpt.ports.llm.ModelException;
import dev.localgpt.ports.session.SessionException;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpException;
import io.helidon.http.RequestException;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place where exceptions become HTTP errors: {@code {"error":{"message","type","param",
 * "code"}}} with the right status, the shape OpenAI's API sends (so its SDKs read the message,
 * type, param and code) and a superset of LocalGPT's {@code {"error":{"code","message"}}}. Messages
 * of {@link ApiException}s are the client's; anything unexpected is logged here and answered with a
 * plain 500 ({@code internal_error}), never a stack trace or a secret.
 */
public final class ErrorMapper {
  private static final Logger LOG = Logger.getLogger(ErrorMapper.class.getName());

  private ErrorMapper() {}

  /** Registers the handlers on {@code routing}. */
  public static void register(HttpRouting.Builder routing) {
    routing.error(
        ApiException.class,
        (req, res, e) -> send(res, e.status(), e.code(), e.getMessage(), e.param()));
    routing.error(
        ModelException.class,
        (req, res, e) ->
            send(
                res,
                Status.BAD_GATEWAY_502,
                "model_error",
                "the language model failed ("
                    + e.kind().name().toLowerCase(java.util.Locale.ROOT)
                    + "): "
                    + e.getMessage()));
    routing.error(
        SessionException.class,
        (req, res, e) ->
            send(res, Status.INTERNAL_SERVER_ERROR_500, "session_error", e.getMessage()));
    routing.error(
        ConfigException.class,
        (req, res, e) ->
            send(res, Status.INTERNAL_SERVER_ERROR_500, "config_error", e.getMessage()));
    routing.error(
        HttpException.class,
        (req, res, e) -> send(res, e.status(), codeOf(e.status()), e.getMessage()));
    routing.error(
        RequestException.class,
        (req, res, e) ->
            send(
                res,
                e.status(),
                codeOf(e.status()),
                e.safeMessage() ? e.getMessage() : e.status().reasonPhrase()));
    routing.error(Throwable.class, ErrorMapper::unexpected);
  }

  private static void unexpected(ServerRequest req, ServerResponse res, Throwable e) {
    LOG.log(
        Level.WARNING,
        "unexpected failure on " + req.prologue().method().text() + " " + req.path().path(),
        e);
    send(
        res,
        Status.INTERNAL_SERVER_ERROR_500,
        "internal_error",
        "the server failed to answer this request (see the server log)");
  }

  /** A handler answering 404 for anything no route took. Register it last. */
  public static Handler notFound() {
    return (req, res) ->
        send(
            res,
            Status.NOT_FOUND_404,
            "not_found",
            "no such endpoint: " + req.prologue().method().text() + " " + req.path().path());
  }

  /**
   * A handler answering 405 with an {@code Allow} header, for a path whose other methods are routed
   * before it.
   */
  public static Handler methodNotAllowed(String allowed) {
    return (req, res) -> {
      res.header(HeaderNames.ALLOW, allowed);
      send(
          res,
          Status.METHOD_NOT_ALLOWED_405,
          "method_not_allowed",
          req.prologue().method().text()
              + " is not "
              + "allowed on "
              + req.path().path()
              + ": use "
              + allowed);
    };
  }

  /** Sends the JSON error body (when nothing was sent yet). */
  public static void send(ServerResponse res, Status status, String code, String message) {
    send(res, status, code, message, null);
  }

  /** Sends the JSON error body naming the request field at fault (when nothing was sent yet). */
  public static void send(
      ServerResponse res, Status status, String code, String message, String param) {
    if (res.isSent()) {
      return;
    }
    HttpJson.send(res, status, body(status, code, message, param));
  }

  /**
   * The error object as OpenAI sends it: {@code message}, {@code type} (OpenAI's: {@code
   * server_error} for 5xx, {@code requests} for 429, else {@code invalid_request_error}), {@code
   * param} (null unless known) and {@code code} (LocalGPT's).
   */
  public static ObjectNode body(Status status, String code, String message, String param) {
    ObjectNode body = HttpJson.object();
    ObjectNode error = body.putObject("error");
    error.put("message", message == null || message.isBlank() ? status.reasonPhrase() : message);
    error.put("type", typeOf(status));
    error.put("param", param);
    error.put("code", code);
    return body;
  }

  private static String typeOf(Status status) {
    if (status.code() >= 500) {
      return "server_error";
    }
    return status.code() == 429 ? "requests" : "invalid_request_error";
  }

  static String codeOf(Status status) {
    return switch (status.code()) {
      case 400 -> "bad_request";
      case 401 -> "unauthorized";
      case 403 -> "forbidden";
      case 404 -> "not_found";
      case 405 -> "method_not_allowed";
      case 413 -> "payload_too_large";
      case 429 -> "rate_limited";
      default -> status.code() >= 500 ? "internal_error" : "http_" + status.code();
    };
  }
}

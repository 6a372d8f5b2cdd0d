package dev.localgpt.adapter.providers.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localgpt.ports.llm.ModelException;
import dev.localgpt.ports.llm.ModelException.Kind;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import okhttp3.Headers;

/**
 * Maps HTTP statuses, provider error bodies and I/O failures to {@link ModelException}, once, at
 * the edge.
 */
public final class HttpErrors {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_BODY_IN_MESSAGE = 300;

  private HttpErrors() {}

  /**
   * The exception for a non-2xx response.
   *
   * @param provider e.g. {@code anthropic}, used in the message
   * @param status the HTTP status
   * @param headers the response headers (for {@code retry-after})
   * @param body the response body text (may be empty)
   * @param authHint how to fix a missing or wrong key, e.g. "set ANTHROPIC_API_KEY or
   *     providers.anthropic.api_key"
   */
  public static ModelException fromStatus(
      String provider, int status, Headers headers, String body, String authHint) {
    ProviderError error = parseBody(body);
    Kind kind = kindFor(status, error);
    if (!kind.retriable()
        && kind != Kind.AUTH
        && headers != null
        && "true".equalsIgnoreCase(headers.get("x-should-retry"))) {
      kind = Kind.SERVER; // the server says a retry can succeed (e.g. 409 lock timeout)
    }
    String text = error.message().isEmpty() ? abbreviate(body) : error.message();
    String message = provider + " returned HTTP " + status + (text.isEmpty() ? "" : ": " + text);
    String hint = hintFor(kind, authHint);
    if (!hint.isEmpty()) {
      message += " (" + hint + ")";
    }
    Duration retryAfter =
        kind == Kind.RATE_LIMITED || kind == Kind.SERVER ? retryAfter(headers) : null;
    if (retryAfter == null && kind == Kind.RATE_LIMITED) {
      retryAfter = anthropicReset(headers);
    }
    return new ModelException(kind, message, retryAfter, null);
  }

  /** The exception for an error object that arrived inside a 200 stream. */
  public static ModelException fromStreamError(String provider, ProviderError error) {
    Kind kind = kindForType(error.type());
    if (kind == null) {
      kind = Kind.SERVER;
    }
    String type = error.type().isEmpty() ? "" : " (" + error.type() + ")";
    return new ModelException(
        kind, provider + " reported an error mid-stream" + type + ": " + error.message());
  }

  /** The exception for an I/O failure while connecting, sending or reading. */
  public static ModelException fromIo(String provider, String url, IOException e) {
    if (e instanceof SocketTimeoutException
        || (e instanceof InterruptedIOException
            && "timeout".equalsIgnoreCase(String.valueOf(e.getMessage())))) {
      return new ModelException(
          Kind.TIMEOUT, provider + " timed out (" + url + "): " + e.getMessage(), null, e);
    }
    if (e instanceof ConnectException
        || e instanceof UnknownHostException
        || e instanceof NoRouteToHostException) {
      return new ModelException(
          Kind.NETWORK,
          "cannot reach "
              + provider
              + " at "
              + url
              + ": "
              + e.getMessage()
              + " (is the server running and the base url/endpoint right?)",
          null,
          e);
    }
    return new ModelException(
        Kind.NETWORK, provider + " connection failed (" + url + "): " + e.getMessage(), null, e);
  }

  /** A stream that ended before its terminal event. */
  public static ModelException streamCut(String provider, String missing) {
    return new ModelException(
        Kind.NETWORK, provider + " stream ended before " + missing + " (connection cut?)");
  }

  /** A response that could not be understood. */
  public static ModelException invalid(String provider, String what, Throwable cause) {
    return new ModelException(
        Kind.INVALID_RESPONSE, provider + " sent an invalid response: " + what, null, cause);
  }

  /**
   * Extracts {@code type}/{@code code} and {@code message} from any of the providers' error
   * envelopes.
   */
  public static ProviderError parseBody(String body) {
    if (body == null || body.isBlank()) {
      return new ProviderError("", "");
    }
    try {
      JsonNode root = JSON.readTree(body);
      return ProviderError.of(root == null ? null : root.get("error"));
    } catch (IOException e) {
      return new ProviderError("", "");
    }
  }

  static Kind kindFor(int status, ProviderError error) {
    if (status == 429 && error.type().contains("insufficient_quota")) {
      return Kind.AUTH;
    }
    return switch (status) {
      case 401, 403 -> Kind.AUTH;
      case 404 -> Kind.UNKNOWN_MODEL;
      case 408, 504 -> Kind.TIMEOUT;
      case 429 -> Kind.RATE_LIMITED;
      default -> status >= 500 ? Kind.SERVER : Kind.BAD_REQUEST;
    };
  }

  static Kind kindForType(String type) {
    return switch (type) {
      case "overloaded_error", "api_error", "server_error" -> Kind.SERVER;
      case "rate_limit_error", "rate_limit_exceeded", "tokens", "requests" -> Kind.RATE_LIMITED;
      case "timeout_error" -> Kind.TIMEOUT;
      case "authentication_error", "permission_error", "invalid_api_key", "insufficient_quota" ->
          Kind.AUTH;
      case "not_found_error", "model_not_found" -> Kind.UNKNOWN_MODEL;
      case "invalid_request_error", "request_too_large" -> Kind.BAD_REQUEST;
      default -> null;
    };
  }

  private static String hintFor(Kind kind, String authHint) {
    return switch (kind) {
      case AUTH -> authHint == null ? "" : authHint;
      case UNKNOWN_MODEL -> "check the model name";
      case RATE_LIMITED -> "rate limited; retry later";
      default -> "";
    };
  }

  /**
   * {@code retry-after-ms} (milliseconds) first, then {@code retry-after} (seconds or an HTTP
   * date).
   */
  public static Duration retryAfter(Headers headers) {
    if (headers == null) {
      return null;
    }
    String ms = headers.get("retry-after-ms");
    if (ms != null) {
      try {
        return Duration.ofMillis((long) Double.parseDouble(ms.trim()));
      } catch (NumberFormatException ignored) {
        // fall through to retry-after
      }
    }
    String value = headers.get("retry-after");
    if (value == null) {
      return null;
    }
    try {
      return Duration.ofMillis((long) (Double.parseDouble(value.trim()) * 1000));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant when =
            ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration d = Duration.between(Instant.now(), when);
        return d.isNegative() ? Duration.ZERO : d;
      } catch (RuntimeException notDate) {
        return null;
      }
    }
  }

  /**
   * Without {@code retry-after}: the latest {@code anthropic-ratelimit-*-reset} of an exhausted
   * limit.
   */
  static Duration anthropicReset(Headers headers) {
    if (headers == null) {
      return null;
    }
    Duration longest = null;
    for (String limit : new String[] {"requests", "tokens", "input-tokens", "output-tokens"}) {
      String prefix = "anthropic-ratelimit-" + limit;
      String reset = headers.get(prefix + "-reset");
      if (reset == null || !"0".equals(headers.get(prefix + "-remaining"))) {
        continue;
      }
      try {
        Duration d =
            Duration.between(
                Instant.now(), java.time.OffsetDateTime.parse(reset.trim()).toInstant());
        d = d.isNegative() ? Duration.ZERO : d;
        longest = longest == null || d.compareTo(longest) > 0 ? d : longest;
      } catch (RuntimeException ignored) {
        // unparseable reset time: leave it to the backoff
      }
    }
    return longest;
  }

  private static String abbreviate(String body) {
    if (body == null) {
      return "";
    }
    String oneLine = body.strip().replaceAll("\\s+", " ");
    return oneLine.length() <= MAX_BODY_IN_MESSAGE
        ? oneLine
        : oneLine.substring(0, MAX_BODY_IN_MESSAGE) + "…";
  }

  /** The type/code and message of a provider error object. */
  public record ProviderError(String type, String message) {
    public ProviderError {
      type = type == null ? "" : type.toLowerCase(Locale.ROOT);
      message = message == null ? "" : message;
    }

    /**
     * From {@code "error": "text"} (Ollama) or {@code "error": {type|code, message}} (Anthropic,
     * OpenAI).
     */
    public static ProviderError of(JsonNode error) {
      if (error == null || error.isNull()) {
        return new ProviderError("", "");
      }
      if (error.isTextual()) {
        return new ProviderError("", error.asText());
      }
      String code = error.path("code").isTextual() ? error.path("code").asText() : "";
      String type = error.path("type").asText("");
      String picked = kindForType(code.toLowerCase(Locale.ROOT)) != null ? code : type;
      return new ProviderError(picked.isEmpty() ? code : picked, error.path("message").asText(""));
    }
  }
}

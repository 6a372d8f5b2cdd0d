package dev.localgpt.server;

import io.helidon.http.Status;
import java.util.Objects;

/**
 * A request that cannot be answered as asked: the {@link ErrorMapper} turns it into {@code
 * {"error":{"code", "message"}}} with {@link #status()}. Handlers throw it for bad input; the
 * message is shown to the client, so it names the problem and the fix and never holds a secret.
 * {@link #param()} names the request field at fault, when there is one (OpenAI clients read it).
 */
public final class ApiException extends RuntimeException {
  private final Status status;
  private final String code;
  private final String param;

  public ApiException(Status status, String code, String message) {
    this(status, code, message, null);
  }

  /**
   * @param param the request field at fault, or null
   */
  public ApiException(Status status, String code, String message, String param) {
    super(message, null, false, false);
    this.status = Objects.requireNonNull(status, "'status' must not be null");
    this.code = Objects.requireNonNull(code, "'code' must not be null");
    this.param = param;
  }

  /** 400 {@code bad_request}. */
  public static ApiException badRequest(String message) {
    return new ApiException(Status.BAD_REQUEST_400, "bad_request", message);
  }

  /** 404 {@code not_found}. */
  public static ApiException notFound(String message) {
    return new ApiException(Status.NOT_FOUND_404, "not_found", message);
  }

  public Status status() {
    return status;
  }

  public String code() {
    return code;
  }

  /** The request field at fault, or null. */
  public String param() {
    return param;
  }
}

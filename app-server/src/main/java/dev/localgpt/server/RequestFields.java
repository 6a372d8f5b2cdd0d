package dev.localgpt.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.webserver.http.ServerRequest;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Typed fields of a JSON request body and of the query, with 400s that name the field and what it
 * must be.
 */
public final class RequestFields {
  private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");

  private RequestFields() {}

  /** A required, non-blank string field. */
  public static String requiredText(ObjectNode body, String field) {
    return optionalText(body, field)
        .filter(s -> !s.isBlank())
        .orElseThrow(
            () -> ApiException.badRequest("'" + field + "' is required: send a non-empty string"));
  }

  /** An optional string field (absent or null = empty). */
  public static Optional<String> optionalText(ObjectNode body, String field) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isTextual()) {
      throw ApiException.badRequest("'" + field + "' must be a string, was " + kind(node));
    }
    return Optional.of(node.asText());
  }

  /** An optional boolean field. */
  public static Optional<Boolean> optionalBoolean(ObjectNode body, String field) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isBoolean()) {
      throw ApiException.badRequest("'" + field + "' must be true or false, was " + kind(node));
    }
    return Optional.of(node.asBoolean());
  }

  /** An optional session id field, checked against {@code [A-Za-z0-9_-]{1,128}}. */
  public static Optional<String> optionalSessionId(ObjectNode body, String field) {
    return optionalText(body, field).filter(s -> !s.isEmpty()).map(id -> sessionId(id, field));
  }

  /** A session id (from a path or body), checked against {@code [A-Za-z0-9_-]{1,128}}. */
  public static String sessionId(String id, String what) {
    if (!SESSION_ID.matcher(id).matches()) {
      throw ApiException.badRequest("'" + what + "' must be 1-128 letters, digits, '_' or '-'");
    }
    return id;
  }

  /** An optional integer query parameter in {@code [min, max]}. */
  public static OptionalInt queryInt(ServerRequest req, String name, int min, int max) {
    Optional<String> value = query(req, name);
    if (value.isEmpty() || value.get().isBlank()) {
      return OptionalInt.empty();
    }
    try {
      int n = Integer.parseInt(value.get().strip());
      if (n < min || n > max) {
        throw ApiException.badRequest("'" + name + "' must be " + min + ".." + max + ", was " + n);
      }
      return OptionalInt.of(n);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(
          "'" + name + "' must be a whole number, was '" + value.get() + "'");
    }
  }

  /** An optional boolean query parameter: true/false/1/0, or present without a value = true. */
  public static boolean queryFlag(ServerRequest req, String name) {
    Optional<String> value = query(req, name);
    if (value.isEmpty()) {
      return false;
    }
    return switch (value.get().strip().toLowerCase(java.util.Locale.ROOT)) {
      case "", "true", "1", "yes" -> true;
      case "false", "0", "no" -> false;
      default ->
          throw ApiException.badRequest(
              "'" + name + "' must be true or false, was '" + value.get() + "'");
    };
  }

  /** A query parameter's first value. */
  public static Optional<String> query(ServerRequest req, String name) {
    return req.query().contains(name) ? Optional.of(req.query().get(name)) : Optional.empty();
  }

  private static String kind(JsonNode node) {
    return node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
  }
}

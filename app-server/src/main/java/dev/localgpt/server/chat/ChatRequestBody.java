package dev.localgpt.server.chat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localgpt.server.RequestFields;
import java.util.Optional;

/**
 * {@code {message, session_id?, model?}}, the body of {@code POST /api/chat} and {@code
 * /api/chat/stream}.
 */
record ChatRequestBody(String message, Optional<String> sessionId, Optional<String> model) {
  static ChatRequestBody of(ObjectNode body) {
    return new ChatRequestBody(
        RequestFields.requiredText(body, "message"),
        RequestFields.optionalSessionId(body, "session_id"),
        RequestFields.optionalText(body, "model").filter(m -> !m.isBlank()));
  }
}

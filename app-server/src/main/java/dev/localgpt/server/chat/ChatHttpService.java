package dev.localgpt.server.chat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localgpt.core.chat.ChatStreamListener;
import dev.localgpt.core.chat.TurnResult;
import dev.localgpt.ports.llm.ModelException;
import dev.localgpt.server.ApiException;
import dev.localgpt.server.ErrorMapper;
import dev.localgpt.server.HttpJson;
import dev.localgpt.server.SseWriter;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code POST /api/chat} ({@code {message, session_id?, model?}} → {@code {response, session_id,
 * model}}) and {@code POST /api/chat/stream} (the same, as server-sent events). An unknown or
 * absent session id starts a new session; {@code model} switches the session's model.
 */
public final class ChatHttpService implements HttpService {
  private static final Logger LOG = Logger.getLogger(ChatHttpService.class.getName());

  private final LiveSessions sessions;
  private final ChatEngine engine;

  public ChatHttpService(LiveSessions sessions, ChatEngine engine) {
    this.sessions = sessions;
    this.engine = engine;
  }

  @Override
  public void routing(HttpRules rules) {
    rules
        .post("/api/chat", this::chat)
        .any("/api/chat", ErrorMapper.methodNotAllowed("POST"))
        .post("/api/chat/stream", this::stream)
        .any("/api/chat/stream", ErrorMapper.methodNotAllowed("POST"));
  }

  private void chat(ServerRequest req, ServerResponse res) {
    ChatRequestBody body = ChatRequestBody.of(HttpJson.readObject(req));
    LiveSession session = open(body);
    TurnResult turn = session.use(chat -> chat.send(body.message(), ChatStreamListener.NONE));
    ObjectNode out = HttpJson.object();
    out.put("response", turn.text());
    out.put("session_id", turn.sessionId());
    out.put("model", turn.model() == null ? session.chat().model().id() : turn.model());
    HttpJson.send(res, out);
  }

  private void stream(ServerRequest req, ServerResponse res) {
    ChatRequestBody body = ChatRequestBody.of(HttpJson.readObject(req));
    LiveSession session = open(body);
    try (SseWriter sse = SseWriter.open(res)) {
      SseChatEvents events = new SseChatEvents(sse);
      events.session(session.id());
      try {
        session.use(chat -> chat.send(body.message(), events));
        events.done();
      } catch (ModelException e) {
        events.error("the language model failed: " + e.getMessage());
      } catch (ApiException e) {
        events.error(e.getMessage());
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "chat stream failed", e);
        events.error("the server failed to answer (see the server log)");
      }
    }
  }

  private LiveSession open(ChatRequestBody body) {
    LiveSession session = sessions.open(body.sessionId());
    body.model()
        .ifPresent(
            name ->
                session.use(
                    chat -> {
                      chat.switchModel(engine.model(name));
                      return null;
                    }));
    return session;
  }
}

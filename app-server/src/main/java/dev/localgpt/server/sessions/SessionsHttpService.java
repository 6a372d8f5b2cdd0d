package dev.localgpt.server.sessions;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localgpt.core.chat.ChatService;
import dev.localgpt.core.chat.ChatStatus;
import dev.localgpt.core.session.CompactionOutcome;
import dev.localgpt.ports.session.SessionEntry;
import dev.localgpt.ports.session.SessionStore;
import dev.localgpt.server.ApiException;
import dev.localgpt.server.ErrorMapper;
import dev.localgpt.server.HttpJson;
import dev.localgpt.server.RequestFields;
import dev.localgpt.server.chat.ChatEngine;
import dev.localgpt.server.chat.LiveSession;
import dev.localgpt.server.chat.LiveSessions;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Optional;

/**
 * The Rust LocalGPT's session routes. {@code GET /api/sessions} lists the live sessions; the others
 * take any stored session (reloading it from disk). {@code DELETE} drops a session from memory: its
 * transcript stays on disk. {@code clear} starts a fresh session and answers its new id.
 */
public final class SessionsHttpService implements HttpService {
  private static final String ONE = "/api/sessions/{id}";

  private final LiveSessions sessions;
  private final ChatEngine engine;
  private final SessionStore store;

  public SessionsHttpService(LiveSessions sessions, ChatEngine engine, SessionStore store) {
    this.sessions = sessions;
    this.engine = engine;
    this.store = store;
  }

  @Override
  public void routing(HttpRules rules) {
    rules
        .post("/api/sessions", this::create)
        .get("/api/sessions", this::list)
        .any("/api/sessions", ErrorMapper.methodNotAllowed("GET, POST"))
        .get(ONE, this::get)
        .delete(ONE, this::delete)
        .any(ONE, ErrorMapper.methodNotAllowed("GET, DELETE"))
        .get(ONE + "/messages", this::messages)
        .any(ONE + "/messages", ErrorMapper.methodNotAllowed("GET"))
        .post(ONE + "/compact", this::compact)
        .any(ONE + "/compact", ErrorMapper.methodNotAllowed("POST"))
        .post(ONE + "/clear", this::clear)
        .any(ONE + "/clear", ErrorMapper.methodNotAllowed("POST"))
        .post(ONE + "/model", this::model)
        .any(ONE + "/model", ErrorMapper.methodNotAllowed("POST"));
  }

  private void create(ServerRequest req, ServerResponse res) {
    Optional<String> id =
        RequestFields.optionalSessionId(HttpJson.readOptionalObject(req), "session_id");
    LiveSession session = sessions.open(id);
    HttpJson.send(
        res,
        HttpJson.object()
            .put("session_id", session.id())
            .put("model", session.chat().model().id()));
  }

  private void list(ServerRequest req, ServerResponse res) {
    ObjectNode out = HttpJson.object();
    ArrayNode all = out.putArray("sessions");
    for (LiveSession s : sessions.list().reversed()) {
      all.addObject().put("session_id", s.id()).put("idle_seconds", s.idle().toSeconds());
    }
    HttpJson.send(res, out);
  }

  private void get(ServerRequest req, ServerResponse res) {
    LiveSession session = session(req);
    ChatStatus status = session.use(ChatService::status);
    ObjectNode out = HttpJson.object();
    out.put("session_id", session.id());
    out.put("model", status.model());
    out.put("message_count", status.messageCount());
    out.put("token_count", status.context().used());
    out.put("idle_seconds", session.idle().toSeconds());
    out.put("api_input_tokens", session.inputTokens());
    out.put("api_output_tokens", session.outputTokens());
    out.put("api_turns", session.turns());
    HttpJson.send(res, out);
  }

  private void delete(ServerRequest req, ServerResponse res) {
    String id = id(req);
    if (!sessions.close(id) && sessions.find(id).map(s -> sessions.close(s.id())).isEmpty()) {
      throw ApiException.notFound("no session '" + id + "': see GET /api/sessions");
    }
    HttpJson.send(res, HttpJson.object().put("deleted", true).put("session_id", id));
  }

  private void messages(ServerRequest req, ServerResponse res) {
    LiveSession session = session(req);
    ObjectNode out = HttpJson.object();
    ArrayNode messages = out.putArray("messages");
    for (SessionEntry entry : store.read(session.id())) {
      if (entry instanceof SessionEntry.Message m) {
        ObjectNode json = messages.addObject();
        json.put("role", m.message().role().name().toLowerCase(java.util.Locale.ROOT));
        json.put("content", m.message().text());
        ArrayNode calls = json.putArray("tool_calls");
        m.message()
            .toolCalls()
            .forEach(
                c ->
                    calls
                        .addObject()
                        .put("id", c.id())
                        .put("name", c.name())
                        .put("arguments", c.argumentsJson()));
        json.put("tool_call_id", m.message().toolCallId());
        json.put("timestamp", m.at().toEpochMilli());
      }
    }
    HttpJson.send(res, out);
  }

  private void compact(ServerRequest req, ServerResponse res) {
    LiveSession session = session(req);
    int before = session.use(chat -> chat.context().used());
    CompactionOutcome outcome = session.use(ChatService::compact);
    ObjectNode out = HttpJson.object();
    switch (outcome) {
      case CompactionOutcome.Compacted c ->
          out.put("token_count_before", c.tokensBefore())
              .put("token_count_after", c.tokensAfter())
              .put("compacted", true);
      case CompactionOutcome.Skipped s ->
          out.put("token_count_before", before)
              .put("token_count_after", before)
              .put("compacted", false)
              .put("reason", s.reason());
    }
    HttpJson.send(res, out);
  }

  private void clear(ServerRequest req, ServerResponse res) {
    LiveSession session = session(req);
    String previous = session.id();
    String next = session.use(ChatService::clear);
    sessions.rekey(previous, session);
    HttpJson.send(
        res,
        HttpJson.object()
            .put("cleared", true)
            .put("session_id", next)
            .put("previous_session_id", previous));
  }

  private void model(ServerRequest req, ServerResponse res) {
    String name = RequestFields.requiredText(HttpJson.readObject(req), "model");
    LiveSession session = session(req);
    var model = engine.model(name);
    session.use(
        chat -> {
          chat.switchModel(model);
          return null;
        });
    HttpJson.send(res, HttpJson.object().put("session_id", session.id()).put("model", model.id()));
  }

  private LiveSession session(ServerRequest req) {
    String id = id(req);
    return sessions
        .find(id)
        .orElseThrow(() -> ApiException.notFound("no session '" + id + "': see GET /api/sessions"));
  }

  private static String id(ServerRequest req) {
    return RequestFields.sessionId(req.path().pathParameters().get("id"), "id");
  }
}

package dev.localgpt.server.openai;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localgpt.core.chat.ChatService;
import dev.localgpt.core.chat.ChatStreamListener;
import dev.localgpt.core.chat.TurnResult;
import dev.localgpt.ports.llm.ChatMessage;
import dev.localgpt.ports.llm.ChatModel;
import dev.localgpt.ports.llm.ModelException;
import dev.localgpt.ports.session.SessionEntry;
import dev.localgpt.server.ApiException;
import dev.localgpt.server.ErrorMapper;
import dev.localgpt.server.HttpJson;
import dev.localgpt.server.SseWriter;
import dev.localgpt.server.chat.ChatEngine;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code POST /v1/chat/completions}, {@code GET /v1/models} and {@code GET /v1/models/{id}}. Each
 * request is one turn of LocalGPT's agent (its memory, tools and workspace prompt) over the history
 * the client sent, in a conversation held in memory for the request only. The model {@code
 * localgpt} (or none) is LocalGPT's default model; another name picks that model.
 */
public final class OpenAiHttpService implements HttpService {
  /** The model id LocalGPT lists for itself. */
  public static final String MODEL_ID = "localgpt";

  private static final Logger LOG = Logger.getLogger(OpenAiHttpService.class.getName());

  private final ChatEngine engine;
  private final Clock clock;

  public OpenAiHttpService(ChatEngine engine, Clock clock) {
    this.engine = engine;
    this.clock = clock;
  }

  @Override
  public void routing(HttpRules rules) {
    rules
        .post("/v1/chat/completions", this::completions)
        .any("/v1/chat/completions", ErrorMapper.methodNotAllowed("POST"))
        .get("/v1/models", this::models)
        .any("/v1/models", ErrorMapper.methodNotAllowed("GET"))
        .get("/v1/models/{+id}", this::retrieveModel)
        .any("/v1/models/{+id}", ErrorMapper.methodNotAllowed("GET"));
  }

  private void models(ServerRequest req, ServerResponse res) {
    ObjectNode out = HttpJson.object();
    out.put("object", "list");
    ArrayNode data = out.putArray("data");
    for (String id : modelIds()) {
      data.add(modelObject(id));
    }
    HttpJson.send(res, out);
  }

  /** {@code GET /v1/models/{id}} (the SDKs' {@code models.retrieve}): one of the listed models. */
  private void retrieveModel(ServerRequest req, ServerResponse res) {
    String id = req.path().pathParameters().get("id");
    if (!modelIds().contains(id)) {
      throw new ApiException(
          Status.NOT_FOUND_404,
          "model_not_found",
          "no model '" + id + "' here: GET /v1/models lists " + String.join(" and ", modelIds()),
          "model");
    }
    HttpJson.send(res, modelObject(id));
  }

  private List<String> modelIds() {
    return List.of(MODEL_ID, engine.defaultModel().id());
  }

  private ObjectNode modelObject(String id) {
    ObjectNode model = HttpJson.object();
    model.put("id", id);
    model.put("object", "model");
    model.put("created", clock.instant().getEpochSecond());
    model.put("owned_by", "localgpt");
    return model;
  }

  private void completions(ServerRequest req, ServerResponse res) {
    CompletionRequest request = CompletionRequest.of(HttpJson.readObject(req));
    ChatModel model =
        request
            .model()
            .filter(m -> !m.equals(MODEL_ID))
            .map(this::model)
            .orElseGet(engine::defaultModel);
    ChatService chat = conversation(request, model);
    Completions shapes =
        new Completions(
            "chatcmpl-" + UUID.randomUUID().toString().replace("-", ""),
            clock.instant().getEpochSecond(),
            request.model().orElse(MODEL_ID));
    if (!request.stream()) {
      TurnResult turn = chat.send(request.turnText(), ChatStreamListener.NONE);
      HttpJson.send(res, shapes.completion(turn.text(), turn.stoppedBecause(), turn.usage()));
      return;
    }
    boolean usage = request.includeUsage();
    try (SseWriter sse = SseWriter.open(res)) {
      sse.json(shapes.roleChunk(usage));
      try {
        TurnResult turn =
            chat.send(
                request.turnText(),
                new ChatStreamListener() {
                  @Override
                  public void onText(String delta) {
                    sse.json(shapes.contentChunk(delta, usage));
                  }

                  @Override
                  public boolean isCancelled() {
                    return sse.closed();
                  }
                });
        sse.json(shapes.finishChunk(turn.stoppedBecause(), usage));
        if (usage) {
          sse.json(shapes.usageChunk(turn.usage()));
        }
      } catch (ModelException e) {
        sse.json(
            ErrorMapper.body(
                Status.BAD_GATEWAY_502,
                "model_error",
                "the language model failed: " + e.getMessage(),
                null));
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "chat completion stream failed", e);
        sse.json(
            ErrorMapper.body(
                Status.INTERNAL_SERVER_ERROR_500,
                "internal_error",
                "the server failed to answer (see the server log)",
                null));
      }
      sse.done();
    }
  }

  /** The named model; an unknown one is a 404 {@code model_not_found}, as OpenAI answers. */
  private ChatModel model(String name) {
    try {
      return engine.model(name);
    } catch (ApiException e) {
      if (!e.code().equals("model_not_found")) {
        throw e;
      }
      throw new ApiException(Status.NOT_FOUND_404, e.code(), e.getMessage(), "model");
    }
  }

  /** A conversation in a request-scoped store, seeded with the client's history. */
  private ChatService conversation(CompletionRequest request, ChatModel model) {
    EphemeralSessionStore store = new EphemeralSessionStore(clock);
    for (ChatMessage message : request.history()) {
      store.append(store.id(), new SessionEntry.Message(clock.instant(), message));
    }
    ChatService chat = engine.resume(store, store.id());
    if (model != engine.defaultModel()) {
      chat.switchModel(model);
    }
    return chat;
  }
}

package dev.localgpt.server.chat;

import dev.localgpt.core.chat.ChatService;
import dev.localgpt.core.chat.ChatSetup;
import dev.localgpt.ports.llm.ChatModel;
import dev.localgpt.ports.session.SessionStore;
import dev.localgpt.server.ApiException;
import java.util.Optional;
import java.util.function.Function;

/**
 * Makes the server's {@link ChatService}s: one {@link ChatSetup} for the default model, built on
 * first use (that brings the memory index up to date once), shared by every session. Tools that
 * need approval are denied (nobody is there to ask): the setup function must use a denying gate.
 * Thread-safe.
 */
public final class ChatEngine {
  private final ModelSource models;
  private final Function<ChatModel, ChatSetup> setups;
  private ChatModel defaultModel;
  private ChatSetup base;

  /**
   * @param models the model source
   * @param setups the chat setup for a model, with approval denied (e.g. {@code m ->
   *     chatFactory.setup(m, ApprovalGate.DENY_ALL)})
   */
  public ChatEngine(ModelSource models, Function<ChatModel, ChatSetup> setups) {
    this.models = models;
    this.setups = setups;
  }

  /** The default model (resolved once, without indexing). */
  public synchronized ChatModel defaultModel() {
    if (defaultModel == null) {
      defaultModel = models.model(Optional.empty());
    }
    return defaultModel;
  }

  /** The shared setup for the default model. */
  public synchronized ChatSetup setup() {
    if (base == null) {
      base = setups.apply(defaultModel());
    }
    return base;
  }

  /** A new conversation in a new stored session. */
  public ChatService start() {
    return ChatService.start(setup());
  }

  /** Continues the stored session {@code id}. */
  public ChatService resume(String id) {
    return ChatService.resume(setup(), id);
  }

  /** A conversation in another store (e.g. a request-scoped one for the OpenAI API). */
  public ChatService resume(SessionStore store, String id) {
    return ChatService.resume(setup().toBuilder().sessions(store).build(), id);
  }

  /**
   * The model named {@code name}.
   *
   * @throws ApiException 400 when it cannot be served
   */
  public ChatModel model(String name) {
    if (name.equals(defaultModel().id())) {
      return defaultModel();
    }
    try {
      return models.model(Optional.of(name));
    } catch (IllegalArgumentException e) {
      throw new ApiException(
          io.helidon.http.Status.BAD_REQUEST_400, "model_not_found", e.getMessage());
    }
  }
}

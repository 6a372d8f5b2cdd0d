package dev.localgpt.app.wiring;

import dev.localgpt.core.chat.ModelResolver;
import dev.localgpt.ports.llm.ChatModel;
import java.util.Objects;
import java.util.Optional;

/**
 * Where chat models come from: the port the apps ask for "the model for {@code -m NAME}, or the
 * configured one" and for {@code /model NAME}. The default is {@link ProviderModels} (the
 * configured providers); the library's {@code chatModel(...)} and tests replace it with {@link
 * #fixed} through one {@code Modules.override}.
 */
public interface ChatModelSource extends AutoCloseable {

  /**
   * The model for {@code name}, or the configured/detected one when empty; never null.
   *
   * @throws IllegalArgumentException for a model name that cannot be served, naming the fix
   */
  ChatModel model(Optional<String> name);

  /** Resolves the name given to {@code /model} to exactly that model. */
  ModelResolver resolver();

  /** Frees in-process models; the default does nothing. */
  @Override
  default void close() {}

  /** Always {@code model}, whatever name is asked for. */
  static ChatModelSource fixed(ChatModel model) {
    Objects.requireNonNull(model, "'model' must not be null");
    return new ChatModelSource() {
      @Override
      public ChatModel model(Optional<String> name) {
        return model;
      }

      @Override
      public ModelResolver resolver() {
        return name -> Optional.of(model);
      }
    };
  }
}

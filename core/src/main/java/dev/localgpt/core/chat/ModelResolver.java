package dev.localgpt.core.chat;

import dev.localgpt.ports.llm.ChatModel;
import java.util.Optional;

/**
 * Turns a model name typed after {@code /model} ({@code provider/model}) into a model; the app
 * wires the providers.
 */
@FunctionalInterface
public interface ModelResolver {

  /**
   * The model for {@code name}, or empty when the name is not known.
   *
   * @throws IllegalArgumentException with a one-line reason when the model exists but cannot be
   *     used (e.g. no key)
   */
  Optional<ChatModel> resolve(String name);
}

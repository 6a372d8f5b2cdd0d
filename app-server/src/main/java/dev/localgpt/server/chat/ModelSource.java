package dev.localgpt.server.chat;

import dev.localgpt.ports.llm.ChatModel;
import java.util.Optional;

/**
 * The chat model for a name, or the configured/detected one for empty. In the app it is {@code
 * ChatFactory::model}; tests bind a fake.
 */
@FunctionalInterface
public interface ModelSource {
  /**
   * @throws IllegalArgumentException for a model name that cannot be served, naming the fix
   */
  ChatModel model(Optional<String> name);
}

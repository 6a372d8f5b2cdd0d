package dev.localgpt.core.llm;

import dev.localgpt.ports.llm.ChatListener;
import dev.localgpt.ports.llm.ChatModel;
import dev.localgpt.ports.llm.ChatRequest;
import dev.localgpt.ports.llm.ChatResponse;
import dev.localgpt.ports.llm.ModelException;

/** The null object used when no model is configured or detected: every call says how to configure one. */
public final class UnconfiguredChatModel implements ChatModel {
  /** The one-line how-to shown to the user. */
  public static final String HOW_TO =
      "No chat model is configured. Set agent.default_model in config.toml (e.g. \"anthropic/claude-sonnet-4-5\","
          + " \"openai/gpt-4o\", \"ollama/llama3.2\", \"llamacpp/<path to .gguf>\"), or set ANTHROPIC_API_KEY"
          + " or OPENAI_API_KEY, or start Ollama (OLLAMA_HOST, default http://localhost:11434), or set"
          + " providers.llamacpp.model_path to a GGUF file.";

  @Override
  public String id() {
    return "none";
  }

  @Override
  public ChatResponse chat(ChatRequest request, ChatListener listener) {
    throw new ModelException(ModelException.Kind.NOT_CONFIGURED, HOW_TO);
  }
}

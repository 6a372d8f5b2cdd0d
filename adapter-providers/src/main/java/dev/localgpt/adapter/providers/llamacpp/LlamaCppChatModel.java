package dev.localgpt.adapter.providers.llamacpp;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaIterator;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;
import de.kherud.llama.ModelParameters;
import de.kherud.llama.args.LogFormat;
import dev.localgpt.adapter.providers.http.ReplyCollector;
import dev.localgpt.ports.llm.ChatListener;
import dev.localgpt.ports.llm.ChatModel;
import dev.localgpt.ports.llm.ChatRequest;
import dev.localgpt.ports.llm.ChatResponse;
import dev.localgpt.ports.llm.ModelException;
import dev.localgpt.ports.llm.ModelException.Kind;
import dev.localgpt.ports.llm.StopReason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A GGUF model run in-process by llama.cpp. Loaded lazily on the first call (loading takes
 * seconds); calls are serialised. Prompts use the GGUF's chat template (ChatML when it has none);
 * tool calling is not offered. {@link #close()} frees the native model (after that the JVM may need
 * {@code System.exit} to end).
 */
public final class LlamaCppChatModel implements ChatModel, AutoCloseable {
  private final Path gguf;
  private final int contextSize;
  private LlamaModel model;

  public LlamaCppChatModel(Path gguf, int contextSize) {
    this.gguf = Objects.requireNonNull(gguf, "'gguf' must not be null");
    this.contextSize = contextSize;
  }

  @Override
  public String id() {
    return "llamacpp/" + gguf.getFileName();
  }

  @Override
  public int contextWindow() {
    return contextSize;
  }

  @Override
  public synchronized ChatResponse chat(ChatRequest request, ChatListener listener) {
    LlamaModel llama = load();
    List<String> stops = new ArrayList<>(request.stopSequences());
    stops.add(ChatMlPrompt.END);
    String prompt = prompt(llama, request);
    InferenceParameters params =
        new InferenceParameters(prompt)
            .setNPredict(request.maxTokens())
            .setStopStrings(stops.toArray(String[]::new));
    if (request.temperature() != null) {
      params.setTemperature(request.temperature().floatValue());
    }
    ReplyCollector reply = new ReplyCollector(listener);
    StringBuilder text = new StringBuilder();
    try {
      LlamaIterator it = llama.generate(params).iterator();
      while (it.hasNext()) {
        if (listener.isCancelled()) {
          it.cancel();
          return reply.cancelled(id());
        }
        LlamaOutput out = it.next();
        text.append(out.text);
        reply.text(out.text);
      }
      // the library does not say why it stopped nor how many tokens it made (outputs merge partial
      // UTF-8
      // and held-back stop-string prefixes), so re-tokenise the reply: at the limit means
      // MAX_TOKENS
      int tokens =
          Math.min(request.maxTokens(), text.isEmpty() ? 0 : llama.encode(text.toString()).length);
      reply.outputTokens(tokens);
      reply.inputTokens(llama.encode(prompt).length);
      reply.stopReason(tokens >= request.maxTokens() ? StopReason.MAX_TOKENS : StopReason.END_TURN);
    } catch (RuntimeException e) {
      throw new ModelException(
          Kind.SERVER, "llama.cpp failed on " + gguf + ": " + e.getMessage(), null, e);
    }
    return reply.finish(id());
  }

  /** The prompt a request becomes (loads the model). */
  synchronized String renderPrompt(ChatRequest request) {
    return prompt(load(), request);
  }

  /** The model's own chat template (from the GGUF) when llama.cpp can apply it, else ChatML. */
  private static String prompt(LlamaModel llama, ChatRequest request) {
    try {
      String rendered =
          llama.applyTemplate(
              new InferenceParameters("")
                  .setMessages(request.system(), ChatMlPrompt.turns(request)));
      if (rendered != null && !rendered.isBlank()) {
        return rendered;
      }
    } catch (RuntimeException e) {
      // no usable template: fall back to ChatML below
    }
    return ChatMlPrompt.render(request);
  }

  private LlamaModel load() {
    if (model != null) {
      return model;
    }
    if (!Files.isRegularFile(gguf)) {
      throw new ModelException(
          Kind.NOT_CONFIGURED,
          "GGUF file not found: "
              + gguf
              + " (set providers.llamacpp.model_path or use llamacpp/<path to .gguf>)");
    }
    PrivateNativeDir.ensure();
    try {
      LlamaModel.setLogger(LogFormat.TEXT, (level, message) -> {});
      model =
          new LlamaModel(
              new ModelParameters()
                  .setModel(gguf.toString())
                  .setCtxSize(contextSize)
                  .setThreads(Math.max(1, Runtime.getRuntime().availableProcessors()))
                  .setGpuLayers(0));
      return model;
    } catch (RuntimeException | UnsatisfiedLinkError e) {
      throw new ModelException(
          Kind.INVALID_RESPONSE, "cannot load GGUF " + gguf + ": " + e.getMessage(), null, e);
    }
  }

  @Override
  public synchronized void close() {
    if (model != null) {
      model.close();
      model = null;
    }
  }
}

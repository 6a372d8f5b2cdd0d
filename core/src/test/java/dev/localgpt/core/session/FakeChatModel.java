package dev.localgpt.core.session;

import dev.localgpt.ports.llm.ChatListener;
import dev.localgpt.ports.llm.ChatModel;
import dev.localgpt.ports.llm.ChatRequest;
import dev.localgpt.ports.llm.ChatResponse;
import dev.localgpt.ports.llm.ModelException;
import dev.localgpt.ports.llm.StopReason;
import dev.localgpt.ports.llm.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A chat model answering from a function of the request; records every request. */
final class FakeChatModel implements ChatModel {
  final List<ChatRequest> requests = new ArrayList<>();
  private final Function<ChatRequest, String> answer;

  FakeChatModel(Function<ChatRequest, String> answer) {
    this.answer = answer;
  }

  static FakeChatModel replying(String text) {
    return new FakeChatModel(request -> text);
  }

  static FakeChatModel failing() {
    return new FakeChatModel(
        request -> {
          throw new ModelException(ModelException.Kind.SERVER, "fake outage");
        });
  }

  @Override
  public String id() {
    return "fake/model";
  }

  @Override
  public ChatResponse chat(ChatRequest request, ChatListener listener) {
    requests.add(request);
    return new ChatResponse(answer.apply(request), List.of(), Usage.NONE, StopReason.END_TURN, id());
  }
}

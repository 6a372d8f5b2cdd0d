package dev.localgpt.ports.llm;

import dev.localgpt.ports.json.JsonObject;
import dev.localgpt.ports.llm.ScriptedChatModel.Reply;
import java.util.ArrayDeque;
import java.util.Deque;

class ScriptedChatModelTest extends ChatModelContract {
  private final Deque<Reply> next = new ArrayDeque<>();
  private final ScriptedChatModel model = ScriptedChatModel.answering(request -> next.poll());

  @Override
  protected ChatModel model() {
    return model;
  }

  @Override
  protected void nextRepliesWithText() {
    next.add(Reply.text("It is sunny in Paris."));
  }

  @Override
  protected void nextRepliesWithToolCall() {
    next.add(Reply.tool("get_weather", JsonObject.of("location", "Paris")));
  }
}

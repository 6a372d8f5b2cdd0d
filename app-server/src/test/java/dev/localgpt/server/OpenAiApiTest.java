package dev.localgpt.server;

import static dev.localgpt.server.ChatApiTest.assertError;
import static dev.localgpt.server.ChatApiTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.models.Model;
import dev.localgpt.ports.json.JsonObject;
import dev.localgpt.ports.llm.ChatMessage;
import dev.localgpt.ports.llm.ChatRequest;
import dev.localgpt.ports.llm.Role;
import dev.localgpt.ports.llm.ScriptedChatModel;
import dev.localgpt.ports.llm.ScriptedChatModel.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAI-compatible API driven by the official OpenAI Java client, with response validation on.
 */
class OpenAiApiTest {
  @TempDir Path home;

  private static OpenAIClient client(ServerFixture server) {
    return OpenAIOkHttpClient.builder()
        .apiKey("unused")
        .baseUrl("http://127.0.0.1:" + server.server.port() + "/v1")
        .responseValidation(true)
        .maxRetries(0)
        .build();
  }

  private static ChatCompletionCreateParams.Builder conversation() {
    return ChatCompletionCreateParams.builder()
        .model("localgpt")
        .addSystemMessage("Answer like a pirate.")
        .addUserMessage("My name is Ada.")
        .addAssistantMessage("Ahoy Ada.")
        .addUserMessage("Where is the zanzibar key?");
  }

  @Test
  void nonStreamingCompletionAnswersWithTheAgentAndItsMemory() throws Exception {
    ScriptedChatModel model =
        ScriptedChatModel.replying(
            Reply.tool("memory_search", JsonObject.of("query", "zanzibar key")),
            Reply.text("Arr, it hangs by the door."));
    try (ServerFixture server = ServerFixture.start(home, model)) {
      Files.writeString(
          server.workspace().root().resolve("MEMORY.md"),
          "# Memory\n\nzanzibar key: by the door\n");
      OpenAIClient client = client(server);
      ChatCompletion completion = client.chat().completions().create(conversation().build());
      assertThat(completion.choices()).hasSize(1);
      assertThat(completion.choices().getFirst().message().content())
          .hasValue("Arr, it hangs by the door.");
      assertThat(completion.choices().getFirst().finishReason())
          .isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
      assertThat(completion.id()).startsWith("chatcmpl-");
      assertThat(completion.model()).isEqualTo("localgpt");
      assertThat(completion.usage())
          .hasValueSatisfying(
              u -> {
                assertThat(u.promptTokens()).isEqualTo(20);
                assertThat(u.completionTokens()).isEqualTo(10);
                assertThat(u.totalTokens()).isEqualTo(30);
              });

      ChatRequest first = model.requests().getFirst();
      List<ChatMessage> messages = first.messages();
      assertThat(messages.get(0)).isEqualTo(ChatMessage.user("My name is Ada."));
      assertThat(messages.get(1)).isEqualTo(ChatMessage.assistant("Ahoy Ada."));
      ChatMessage turn = messages.get(2);
      assertThat(turn.role()).isEqualTo(Role.USER);
      assertThat(turn.text())
          .contains("<client_instructions>\nAnswer like a pirate.\n</client_instructions>")
          .contains("untrusted")
          .contains("Where is the zanzibar key?");
      assertThat(first.system()).doesNotContain("Answer like a pirate.");
      assertThat(model.requests().get(1).messages())
          .anySatisfy(m -> assertThat(m.text()).contains("by the door"));
    }
  }

  @Test
  void streamingCompletionSendsChunksThenUsageThenDone() throws Exception {
    ScriptedChatModel model = ScriptedChatModel.replying(Reply.text("Arr, by the door."));
    try (ServerFixture server = ServerFixture.start(home, model)) {
      OpenAIClient client = client(server);
      ChatCompletionCreateParams params =
          conversation()
              .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
              .build();
      List<ChatCompletionChunk> chunks = new ArrayList<>();
      try (StreamResponse<ChatCompletionChunk> stream =
          client.chat().completions().createStreaming(params)) {
        stream.stream().forEach(chunks::add);
      }
      assertThat(chunks).allSatisfy(c -> assertThat(c.id()).isEqualTo(chunks.getFirst().id()));
      assertThat(chunks.getFirst().choices().getFirst().delta().role())
          .hasValue(ChatCompletionChunk.Choice.Delta.Role.ASSISTANT);
      String text =
          chunks.stream()
              .flatMap(c -> c.choices().stream())
              .flatMap(c -> c.delta().content().stream())
              .reduce("", String::concat);
      assertThat(text).isEqualTo("Arr, by the door.");
      ChatCompletionChunk finish = chunks.get(chunks.size() - 2);
      assertThat(finish.choices().getFirst().finishReason())
          .hasValue(ChatCompletionChunk.Choice.FinishReason.STOP);
      ChatCompletionChunk usage = chunks.getLast();
      assertThat(usage.choices()).isEmpty();
      assertThat(usage.usage()).hasValueSatisfying(u -> assertThat(u.totalTokens()).isEqualTo(15));
    }
  }

  @Test
  void streamWireFormatMatchesOpenAi() throws Exception {
    try (ServerFixture server =
        ServerFixture.start(home, ScriptedChatModel.replying(Reply.text("Hi there.")))) {
      List<String> data = new ArrayList<>();
      var request =
          server
              .http
              .request("/v1/chat/completions")
              .header("Content-Type", "application/json")
              .POST(
                  java.net.http.HttpRequest.BodyPublishers.ofString(
                      "{\"model\":\"localgpt\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":"
                          + "[{\"type\":\"text\",\"text\":\"hello\"}]}]}"))
              .build();
      try (var lines = server.http.stream(request).body()) {
        lines.filter(l -> l.startsWith("data: ")).map(l -> l.substring(6)).forEach(data::add);
      }
      assertThat(data.getLast()).isEqualTo("[DONE]");
      JsonNode first = HttpJson.MAPPER.readTree(data.getFirst());
      assertThat(first.get("object").asText()).isEqualTo("chat.completion.chunk");
      assertThat(first.has("usage")).isFalse();
      assertThat(first.at("/choices/0/delta/role").asText()).isEqualTo("assistant");
      assertThat(first.at("/choices/0/finish_reason").isNull()).isTrue();
      JsonNode last = HttpJson.MAPPER.readTree(data.get(data.size() - 2));
      assertThat(last.at("/choices/0/delta").isEmpty()).isTrue();
      assertThat(last.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
    }
  }

  @Test
  void modelsListsLocalGpt() throws Exception {
    try (ServerFixture server = ServerFixture.start(home, ScriptedChatModel.replying())) {
      List<Model> models = new ArrayList<>();
      client(server).models().list().autoPager().forEach(models::add);
      assertThat(models).extracting(Model::id).containsExactly("localgpt", "scripted/fake");
      assertThat(models).allSatisfy(m -> assertThat(m.ownedBy()).isEqualTo("localgpt"));
    }
  }

  @Test
  void badRequestsAreClearErrors() throws Exception {
    try (ServerFixture server = ServerFixture.start(home, ScriptedChatModel.replying())) {
      Http http = server.http;
      assertError(
          http.post("/v1/chat/completions", "{\"model\":\"localgpt\"}"),
          400,
          "'messages' is required");
      assertError(
          http.post("/v1/chat/completions", "{\"messages\":[]}"), 400, "'messages' is required");
      assertError(
          http.post(
              "/v1/chat/completions",
              "{\"messages\":[{\"role\":\"assistant\",\"content\":\"x\"}]}"),
          400,
          "last message must be a non-empty user message");
      assertError(
          http.post(
              "/v1/chat/completions", "{\"messages\":[{\"role\":\"wizard\",\"content\":\"x\"}]}"),
          400,
          "must be system, developer, user, assistant or tool");
      assertError(
          http.post("/v1/chat/completions", "{\"messages\":[{\"role\":\"user\",\"content\":5}]}"),
          400,
          "must be a string or an array of parts");
      assertError(
          http.post(
              "/v1/chat/completions",
              "{\"stream\":\"yes\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"),
          400,
          "'stream' must be");
      assertError(
          http.post(
              "/v1/chat/completions",
              "{\"model\":\"nope-4\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"),
          404,
          "unknown model");
      assertError(http.post("/v1/chat/completions", "not json"), 400, "not valid JSON");
      assertError(http.get("/v1/chat/completions"), 405, "use POST");
      assertError(http.post("/v1/models", "{}"), 405, "use GET");
      assertThat(json(http.get("/v1/models")).get("object").asText()).isEqualTo("list");
    }
  }
}

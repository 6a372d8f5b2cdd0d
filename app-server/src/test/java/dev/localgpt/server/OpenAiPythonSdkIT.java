package dev.localgpt.server;

import static dev.localgpt.server.OpenAiNodeSdkIT.ANSWER;
import static dev.localgpt.server.OpenAiNodeSdkIT.TOKEN;
import static dev.localgpt.server.OpenAiNodeSdkIT.limitedServer;
import static dev.localgpt.server.OpenAiNodeSdkIT.server;
import static dev.localgpt.server.OpenAiNodeSdkIT.v1;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAI-compatible API driven by the official OpenAI Python SDK ({@code openai-python.py}):
 * the same checks as {@link OpenAiNodeSdkIT}. Debian 12 packages no {@code python3-openai}, so this
 * skips unless {@code python3} (or {@code LOCALGPT_PYTHON}) can import {@code openai}.
 */
class OpenAiPythonSdkIT {
  @TempDir Path home;

  @BeforeEach
  void needsTheSdk() throws Exception {
    SdkClients.assumePythonSdk();
  }

  @Test
  void theOfficialPythonSdkChatsStreamsListsModelsAndRaisesItsOwnErrorClasses() throws Exception {
    JsonNode out;
    try (ServerFixture server = server(home.resolve("a"));
        ServerFixture limited = limitedServer(home.resolve("b"))) {
      out = SdkClients.runPython("openai-python.py", v1(server), TOKEN, v1(limited));
    }
    System.out.println("openai-python.py saw: " + out.toPrettyString());

    JsonNode completion = out.get("completion");
    assertThat(completion.get("id").asText()).startsWith("chatcmpl-");
    assertThat(completion.get("object").asText()).isEqualTo("chat.completion");
    assertThat(completion.get("created").asLong()).isPositive();
    assertThat(completion.get("systemFingerprint").isNull()).isTrue();
    assertThat(completion.get("role").asText()).isEqualTo("assistant");
    assertThat(completion.get("content").asText()).isEqualTo(ANSWER);
    assertThat(completion.get("finishReason").asText()).isEqualTo("stop");
    assertThat(completion.at("/usage/total_tokens").asInt()).isEqualTo(15);
    assertThat(completion.get("requestId").asText()).startsWith("req_");

    JsonNode stream = out.get("stream");
    assertThat(stream.get("ids").asInt()).isEqualTo(1);
    assertThat(stream.get("role").asText()).isEqualTo("assistant");
    assertThat(stream.get("text").asText()).isEqualTo(ANSWER);
    assertThat(stream.get("finishReason").asText()).isEqualTo("stop");
    assertThat(stream.at("/usage/completion_tokens").asInt()).isEqualTo(5);

    assertThat(out.at("/models/ids").toString()).isEqualTo("[\"localgpt\",\"scripted/fake\"]");
    assertThat(out.at("/retrieve/id").asText()).isEqualTo("scripted/fake");
    assertThat(out.at("/tools/content").asText()).isEqualTo(ANSWER);

    assertFailure(out.get("toolChoiceRequired"), "BadRequestError", 400, "'tool_choice'");
    assertThat(out.at("/toolChoiceRequired/failed/param").asText()).isEqualTo("tool_choice");
    assertFailure(out.get("badToken"), "AuthenticationError", 401, "the bearer token is wrong");
    assertFailure(out.get("badRequest"), "BadRequestError", 400, "non-empty user message");
    assertThat(out.at("/badRequest/failed/type").asText()).isEqualTo("invalid_request_error");
    assertFailure(out.get("unknownModel"), "NotFoundError", 404, "unknown model 'nope-4'");
    assertThat(out.at("/unknownModel/failed/code").asText()).isEqualTo("model_not_found");
    assertFailure(out.get("rateLimited"), "RateLimitError", 429, "too many requests");
    assertThat(out.at("/rateLimited/failed/retryAfter").asInt()).isPositive();
  }

  private static void assertFailure(JsonNode check, String errorClass, int status, String message) {
    JsonNode failed = check.get("failed");
    assertThat(failed).as("expected a failure, got %s", check).isNotNull();
    assertThat(failed.get("name").asText()).isEqualTo(errorClass);
    assertThat(failed.get("isAPIError").asBoolean()).isTrue();
    assertThat(failed.get("status").asInt()).isEqualTo(status);
    assertThat(failed.get("message").asText()).contains(message);
    assertThat(failed.get("requestId").asText()).startsWith("req_");
  }
}

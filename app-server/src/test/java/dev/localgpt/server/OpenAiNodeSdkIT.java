package dev.localgpt.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.localgpt.ports.llm.ScriptedChatModel;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAI-compatible API driven by the official OpenAI Node SDK (npm {@code openai}, run by
 * {@code openai-node.cjs}): completions with and without streaming, the SDK's stream helper, the
 * model list, a request with client tools, and the SDK's error classes for a wrong token, a bad
 * request, an unknown model and the rate limit. Skips without node or the package.
 */
class OpenAiNodeSdkIT {
  static final String TOKEN = "sdk-test-token";
  static final String ANSWER = "The key hangs by the blue door.";

  @TempDir Path home;

  @BeforeEach
  void needsTheSdk() {
    SdkClients.assumeNodePackages("openai");
  }

  /** The server with a token and no rate limit; a model that always gives {@link #ANSWER}. */
  static ServerFixture server(Path home) {
    return ServerFixture.start(
        home,
        ScriptedChatModel.answeringText(request -> ANSWER),
        "",
        b ->
            ServerFixture.UNLIMITED
                .apply(b)
                .settings(b.build().settings().withAuthToken(Optional.of(TOKEN))));
  }

  /** The same with a burst of one request. */
  static ServerFixture limitedServer(Path home) {
    return ServerFixture.start(
        home,
        ScriptedChatModel.answeringText(request -> ANSWER),
        "",
        b ->
            b.limits(ServerLimits.DEFAULTS.withRate(60, 1))
                .settings(b.build().settings().withAuthToken(Optional.of(TOKEN))));
  }

  static String v1(ServerFixture server) {
    return "http://127.0.0.1:" + server.server.port() + "/v1";
  }

  @Test
  void theOfficialNodeSdkChatsStreamsListsModelsAndRaisesItsOwnErrorClasses() throws Exception {
    JsonNode out;
    try (ServerFixture server = server(home.resolve("a"));
        ServerFixture limited = limitedServer(home.resolve("b"))) {
      out = SdkClients.runNode("openai-node.cjs", v1(server), TOKEN, v1(limited));
    }
    System.out.println("openai-node.cjs saw: " + out.toPrettyString());
    assertThat(out.get("sdkVersion").asText()).startsWith("5.");

    JsonNode completion = out.get("completion");
    assertThat(completion.get("id").asText()).startsWith("chatcmpl-");
    assertThat(completion.get("object").asText()).isEqualTo("chat.completion");
    assertThat(completion.get("created").asLong()).isPositive();
    assertThat(completion.get("model").asText()).isEqualTo("localgpt");
    assertThat(completion.get("systemFingerprint").isNull()).isTrue();
    assertThat(completion.get("role").asText()).isEqualTo("assistant");
    assertThat(completion.get("content").asText()).isEqualTo(ANSWER);
    assertThat(completion.get("finishReason").asText()).isEqualTo("stop");
    assertThat(completion.at("/usage/total_tokens").asInt()).isEqualTo(15);
    assertThat(completion.get("requestId").asText()).startsWith("req_");
    assertThat(completion.get("contentType").asText()).startsWith("application/json");

    JsonNode stream = out.get("stream");
    assertThat(stream.get("ids").asInt()).isEqualTo(1);
    assertThat(stream.get("role").asText()).isEqualTo("assistant");
    assertThat(stream.get("text").asText()).isEqualTo(ANSWER);
    assertThat(stream.get("finishReason").asText()).isEqualTo("stop");
    assertThat(stream.at("/usage/prompt_tokens").asInt()).isEqualTo(10);
    assertThat(stream.at("/usage/completion_tokens").asInt()).isEqualTo(5);

    JsonNode helper = out.get("streamHelper");
    assertThat(helper.get("deltas").asText()).isEqualTo(ANSWER);
    assertThat(helper.get("content").asText()).isEqualTo(ANSWER);
    assertThat(helper.get("finishReason").asText()).isEqualTo("stop");

    assertThat(out.at("/models/ids").toString()).isEqualTo("[\"localgpt\",\"scripted/fake\"]");

    assertThat(out.at("/retrieve/id").asText()).isEqualTo("scripted/fake");
    assertThat(out.at("/retrieve/object").asText()).isEqualTo("model");
    assertThat(out.at("/tools/content").asText()).isEqualTo(ANSWER);
    assertFailure(out.get("toolChoiceRequired"), "BadRequestError", 400, "'tool_choice'");
    assertThat(out.at("/toolChoiceRequired/failed/param").asText()).isEqualTo("tool_choice");

    assertFailure(out.get("badToken"), "AuthenticationError", 401, "bearer token is wrong");
    assertThat(out.at("/badToken/failed/message").asText())
        .isEqualTo("401 the bearer token is wrong: use the server's server.auth_token");
    assertThat(out.at("/badToken/failed/requestId").asText()).startsWith("req_");

    assertFailure(out.get("badRequest"), "BadRequestError", 400, "non-empty user message");
    assertThat(out.at("/badRequest/failed/type").asText()).isEqualTo("invalid_request_error");
    assertThat(out.at("/badRequest/failed/code").asText()).isEqualTo("bad_request");

    assertFailure(out.get("unknownModel"), "NotFoundError", 404, "unknown model 'nope-4'");
    assertThat(out.at("/unknownModel/failed/code").asText()).isEqualTo("model_not_found");

    assertFailure(out.get("rateLimited"), "RateLimitError", 429, "too many requests");
    assertThat(out.at("/rateLimited/failed/retryAfter").asInt()).isPositive();
    assertThat(out.at("/rateLimited/failed/type").asText()).isEqualTo("requests");
  }

  static void assertFailure(JsonNode check, String errorClass, int status, String message) {
    JsonNode failed = check.get("failed");
    assertThat(failed).as("expected a failure, got %s", check).isNotNull();
    assertThat(failed.get("name").asText()).isEqualTo(errorClass);
    assertThat(failed.get("isAPIError").asBoolean()).isTrue();
    assertThat(failed.get("status").asInt()).isEqualTo(status);
    assertThat(failed.get("message").asText()).startsWith(status + " ").contains(message);
  }
}

package dev.localgpt.server;

import static dev.localgpt.server.ChatApiTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.localgpt.ports.llm.ScriptedChatModel;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What real OpenAI SDKs (Node, Python, the Vercel AI SDK, a browser) rely on beyond the JSON
 * bodies: OpenAI's error object, {@code x-request-id}, the answer to parameters LocalGPT cannot
 * honour, and CORS for a browser SDK's own headers.
 */
class OpenAiWireTest {
  private static final String HELLO = "[{\"role\":\"user\",\"content\":\"hello\"}]";

  @TempDir Path home;

  private static ServerFixture server(Path home) {
    return ServerFixture.start(home, ScriptedChatModel.answeringText(request -> "Hi there."));
  }

  private static String completion(String extra) {
    return "{\"model\":\"localgpt\",\"messages\":" + HELLO + extra + "}";
  }

  @Test
  void errorsCarryOpenAisFourFieldsWithTheFieldAtFault() throws Exception {
    try (ServerFixture server = server(home)) {
      HttpResponse<String> res =
          server.http.post("/v1/chat/completions", completion(",\"tool_choice\":\"required\""));
      assertThat(res.statusCode()).isEqualTo(400);
      JsonNode error = json(res).get("error");
      List<String> fields = new ArrayList<>();
      error.fieldNames().forEachRemaining(fields::add);
      assertThat(fields).containsExactly("message", "type", "param", "code");
      assertThat(error.get("type").asText()).isEqualTo("invalid_request_error");
      assertThat(error.get("param").asText()).isEqualTo("tool_choice");
      assertThat(error.get("code").asText()).isEqualTo("unsupported_parameter");

      JsonNode notFound = json(server.http.get("/v1/nothing")).get("error");
      assertThat(notFound.get("param").isNull()).isTrue();
      assertThat(notFound.get("code").asText()).isEqualTo("not_found");
    }
  }

  @Test
  void everyOpenAiAnswerHasARequestIdErrorsIncludedButTheLocalGptApiDoesNot() throws Exception {
    try (ServerFixture server = ServerFixture.startWithToken(home, "t0ken")) {
      HttpResponse<String> refused = server.http.get("/v1/models");
      assertThat(refused.statusCode()).isEqualTo(401);
      assertThat(refused.headers().firstValue("x-request-id"))
          .hasValueSatisfying(id -> assertThat(id).matches("req_[0-9a-f]{32}"));

      Http http = server.http.token("t0ken");
      String first = http.get("/v1/models").headers().firstValue("x-request-id").orElseThrow();
      String second = http.get("/v1/models").headers().firstValue("x-request-id").orElseThrow();
      assertThat(first).isNotEqualTo(second);
      assertThat(http.get("/api/status").headers().firstValue("x-request-id")).isEmpty();
    }
  }

  @Test
  void clientToolsAreAcceptedButAForcedToolCallOrSeveralChoicesAreRefused() throws Exception {
    String tools =
        ",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
            + "\"parameters\":{\"type\":\"object\",\"properties\":{}}}}]";
    try (ServerFixture server = server(home)) {
      Http http = server.http;
      HttpResponse<String> withTools = http.post("/v1/chat/completions", completion(tools));
      assertThat(withTools.statusCode()).as(withTools.body()).isEqualTo(200);
      assertThat(json(withTools).at("/choices/0/message/content").asText()).isEqualTo("Hi there.");
      assertThat(
              http.post("/v1/chat/completions", completion(tools + ",\"tool_choice\":\"auto\""))
                  .statusCode())
          .isEqualTo(200);

      JsonNode named =
          json(
              http.post(
                  "/v1/chat/completions",
                  completion(
                      tools
                          + ",\"tool_choice\":{\"type\":\"function\",\"function\":"
                          + "{\"name\":\"get_weather\"}}")));
      assertThat(named.at("/error/message").asText())
          .contains("'tool_choice' must be \"auto\" or \"none\"");

      HttpResponse<String> two = http.post("/v1/chat/completions", completion(",\"n\":2"));
      assertThat(two.statusCode()).isEqualTo(400);
      assertThat(json(two).at("/error/param").asText()).isEqualTo("n");
      assertThat(http.post("/v1/chat/completions", completion(",\"n\":1")).statusCode())
          .isEqualTo(200);
    }
  }

  @Test
  void anUnknownModelIsNotFoundAsOpenAiAnswers() throws Exception {
    try (ServerFixture server = server(home)) {
      HttpResponse<String> res =
          server.http.post(
              "/v1/chat/completions", "{\"model\":\"nope-4\",\"messages\":" + HELLO + "}");
      assertThat(res.statusCode()).isEqualTo(404);
      JsonNode error = json(res).get("error");
      assertThat(error.get("code").asText()).isEqualTo("model_not_found");
      assertThat(error.get("param").asText()).isEqualTo("model");
      assertThat(error.get("message").asText()).contains("unknown model 'nope-4'");
    }
  }

  @Test
  void aListedModelCanBeRetrievedByIdAndAnotherIsNotFound() throws Exception {
    try (ServerFixture server = server(home)) {
      JsonNode model = json(server.http.get("/v1/models/scripted%2Ffake"));
      assertThat(model.get("id").asText()).isEqualTo("scripted/fake");
      assertThat(model.get("object").asText()).isEqualTo("model");
      assertThat(model.get("owned_by").asText()).isEqualTo("localgpt");
      assertThat(json(server.http.get("/v1/models/localgpt")).get("id").asText())
          .isEqualTo("localgpt");

      HttpResponse<String> missing = server.http.get("/v1/models/gpt-9");
      assertThat(missing.statusCode()).isEqualTo(404);
      assertThat(json(missing).at("/error/code").asText()).isEqualTo("model_not_found");
      assertThat(json(missing).at("/error/message").asText())
          .isEqualTo("no model 'gpt-9' here: GET /v1/models lists localgpt and scripted/fake");
    }
  }

  @Test
  void aBrowserSdkMayPreflightItsOwnHeadersAndReadTheRequestId() throws Exception {
    String asked = "authorization,content-type,x-stainless-lang,x-stainless-retry-count";
    try (ServerFixture server = server(home)) {
      HttpResponse<String> preflight =
          server.http.send(
              server
                  .http
                  .request("/v1/chat/completions")
                  .header("Origin", "http://localhost:5173")
                  .header("Access-Control-Request-Method", "POST")
                  .header("Access-Control-Request-Headers", asked)
                  .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                  .build());
      assertThat(preflight.statusCode()).isEqualTo(204);
      assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers")).hasValue(asked);

      HttpResponse<String> models =
          server.http.send(
              server.http.request("/v1/models").header("Origin", "http://localhost:5173").build());
      assertThat(models.headers().firstValue("Access-Control-Expose-Headers"))
          .hasValueSatisfying(h -> assertThat(h).contains("x-request-id").contains("retry-after"));
    }
  }
}

package dev.localgpt.server;

import static dev.localgpt.server.OpenAiNodeSdkIT.ANSWER;
import static dev.localgpt.server.OpenAiNodeSdkIT.TOKEN;
import static dev.localgpt.server.OpenAiNodeSdkIT.server;
import static dev.localgpt.server.OpenAiNodeSdkIT.v1;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Other clients a user points at {@code /v1}: the Vercel AI SDK's OpenAI-compatible provider (npm
 * {@code ai} + {@code @ai-sdk/openai-compatible}, run by {@code ai-sdk.cjs}) and {@code curl -N}
 * reading the server-sent chunks raw. Each skips without its tool.
 */
class OpenAiClientsIT {
  @TempDir Path home;

  @Test
  void theVercelAiSdkGeneratesAndStreamsWithUsageAndShowsOurErrorMessage() throws Exception {
    SdkClients.assumeNodePackages("ai", "@ai-sdk/openai-compatible");
    JsonNode out;
    try (ServerFixture server = server(home)) {
      out = SdkClients.runNode("ai-sdk.cjs", v1(server), TOKEN);
    }
    System.out.println("ai-sdk.cjs saw: " + out.toPrettyString());
    assertThat(out.at("/generate/text").asText()).isEqualTo(ANSWER);
    assertThat(out.at("/generate/finishReason").asText()).isEqualTo("stop");
    assertThat(out.at("/generate/usage/totalTokens").asInt()).isEqualTo(15);
    assertThat(out.at("/generate/id").asText()).startsWith("chatcmpl-");

    assertThat(out.at("/stream/text").asText()).isEqualTo(ANSWER);
    assertThat(out.at("/stream/parts").asInt()).isGreaterThan(1);
    assertThat(out.at("/stream/finishReason").asText()).isEqualTo("stop");
    assertThat(out.at("/stream/usage/promptTokens").asInt()).isEqualTo(10);
    assertThat(out.at("/stream/usage/completionTokens").asInt()).isEqualTo(5);
    assertThat(out.at("/stream/errors")).isEmpty();

    assertThat(out.at("/badToken/failed/isAPICallError").asBoolean()).isTrue();
    assertThat(out.at("/badToken/failed/statusCode").asInt()).isEqualTo(401);
    assertThat(out.at("/badToken/failed/message").asText())
        .isEqualTo("the bearer token is wrong: use the server's server.auth_token");
  }

  @Test
  void curlReadsTheChunksAsServerSentEventsEndingWithDone() throws Exception {
    Path curl = Path.of("/usr/bin/curl");
    Assumptions.assumeTrue(Files.isExecutable(curl), "curl test skipped: no " + curl);
    List<String> lines;
    try (ServerFixture server = server(home)) {
      lines =
          run(
              curl.toString(),
              "-sSN",
              "-D",
              "-",
              "-H",
              "Authorization: Bearer " + TOKEN,
              "-H",
              "Content-Type: application/json",
              "-d",
              "{\"model\":\"localgpt\",\"stream\":true,"
                  + "\"messages\":[{\"role\":\"user\",\"content\":\"Where is the key?\"}]}",
              v1(server) + "/chat/completions");
    }
    int blank = lines.indexOf("");
    List<String> headers = lines.subList(0, blank).stream().map(String::toLowerCase).toList();
    List<String> body = new ArrayList<>(lines.subList(blank + 1, lines.size()));
    while (!body.isEmpty() && body.getLast().isEmpty()) {
      body.removeLast();
    }
    assertThat(headers.getFirst()).startsWith("http/1.1 200");
    assertThat(headers).contains("content-type: text/event-stream; charset=utf-8");
    assertThat(headers).anyMatch(h -> h.matches("x-request-id: req_[0-9a-f]{32}"));
    assertThat(body.getLast()).isEqualTo("data: [DONE]");
    for (int i = 0; i < body.size(); i++) {
      assertThat(body.get(i)).as("line %d of %s", i, body).matches(i % 2 == 0 ? "data: .+" : "");
    }
    StringBuilder text = new StringBuilder();
    for (String line : body.subList(0, body.size() - 1)) {
      if (!line.isEmpty()) {
        JsonNode chunk = HttpJson.MAPPER.readTree(line.substring("data: ".length()));
        assertThat(chunk.get("object").asText()).isEqualTo("chat.completion.chunk");
        text.append(chunk.at("/choices/0/delta/content").asText(""));
      }
    }
    assertThat(text.toString()).isEqualTo(ANSWER);
  }

  private static List<String> run(String... command) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).as(out).isZero();
    return new ArrayList<>(out.lines().toList());
  }
}

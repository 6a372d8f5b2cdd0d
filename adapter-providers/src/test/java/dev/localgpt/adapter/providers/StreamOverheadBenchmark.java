package dev.localgpt.adapter.providers;

import dev.localgpt.adapter.providers.anthropic.AnthropicChatModel;
import dev.localgpt.adapter.providers.http.ProviderHttp;
import dev.localgpt.adapter.providers.ollama.OllamaChatModel;
import dev.localgpt.adapter.providers.openai.OpenAiChatModel;
import dev.localgpt.ports.llm.ChatListener;
import dev.localgpt.ports.llm.ChatModel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Measures the per-token cost of our stream parsing: a 10k-event SSE body served by MockWebServer
 * on loopback, read (a) as raw bytes to the end, (b) through the chat model (SSE framing, JSON
 * parse, events). Not a test; run with {@code java -cp <test classpath>
 * dev.localgpt.adapter.providers.StreamOverheadBenchmark}.
 */
public final class StreamOverheadBenchmark {
  private static final int EVENTS = 10_000;
  private static final int ROUNDS = 15;

  public static void main(String[] args) throws Exception {
    OkHttpClient client = ProviderHttp.client(Duration.ofSeconds(10), Duration.ofSeconds(10));
    run(
        "openai",
        openAiBody(),
        client,
        url -> new OpenAiChatModel(client, "openai", url, "k", "gpt-4o-mini", 1));
    run(
        "anthropic",
        anthropicBody(),
        client,
        url -> new AnthropicChatModel(client, url, "k", "claude"));
    run("ollama", ollamaBody(), client, url -> new OllamaChatModel(client, url, "llama3.2", 8192));
    client.dispatcher().executorService().shutdown();
  }

  private static void run(
      String name,
      byte[] body,
      OkHttpClient client,
      java.util.function.Function<String, ChatModel> factory)
      throws Exception {
    try (FakeProviderServer server = new FakeProviderServer()) {
      long[] raw = new long[ROUNDS];
      long[] parsed = new long[ROUNDS];
      for (int round = 0; round < ROUNDS; round++) {
        server.replayBytes(body, 200, "text/event-stream");
        long t0 = System.nanoTime();
        try (Response response =
            client.newCall(new Request.Builder().url(server.url("/raw")).build()).execute()) {
          response.body().source().readByteString();
        }
        raw[round] = System.nanoTime() - t0;
        server.replayBytes(body, 200, "text/event-stream");
        ChatModel model = factory.apply(server.url(name.equals("openai") ? "/v1" : ""));
        long t1 = System.nanoTime();
        model.chat(Conversations.hello(), ChatListener.IGNORE);
        parsed[round] = System.nanoTime() - t1;
        server.take();
        server.take();
      }
      long rawMedian = median(raw);
      long parsedMedian = median(parsed);
      System.out.printf(
          "%s: %d events, %d KB; raw read %.2f ms, parsed %.2f ms (median of last %d);"
              + " raw %.2f us/token, parsed %.2f us/token, overhead %.2f us/token%n",
          name,
          EVENTS,
          body.length / 1024,
          rawMedian / 1e6,
          parsedMedian / 1e6,
          ROUNDS - 5,
          rawMedian / 1e3 / EVENTS,
          parsedMedian / 1e3 / EVENTS,
          (parsedMedian - rawMedian) / 1e3 / EVENTS);
    }
  }

  private static long median(long[] values) {
    long[] warm = Arrays.copyOfRange(values, 5, values.length);
    Arrays.sort(warm);
    return warm[warm.length / 2];
  }

  static byte[] openAiBody() {
    StringBuilder sb = new StringBuilder();
    String head =
        "data: {\"id\":\"chatcmpl-C4RFmiAwfTcIEi3MpzhnhC1DJsTf9\",\"object\":\"chat.completion.chunk\","
            + "\"created\":1764071160,\"model\":\"gpt-4o-mini-2024-07-18\",\"service_tier\":\"default\","
            + "\"system_fingerprint\":\"fp_560af6e559\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"";
    for (int i = 0; i < EVENTS; i++) {
      sb.append(head)
          .append(" tok")
          .append(i % 100)
          .append(
              "\"},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null,\"obfuscation\":\"V5Hz3I\"}\n\n");
    }
    sb.append(
        "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n");
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  static byte[] ollamaBody() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < EVENTS; i++) {
      sb.append("{\"model\":\"llama3.2\",\"created_at\":\"2025-11-25T13:41:07.295810236Z\",")
          .append("\"message\":{\"role\":\"assistant\",\"content\":\" tok")
          .append(i % 100)
          .append("\"},\"done\":false}\n");
    }
    sb.append(
            "{\"model\":\"llama3.2\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":true,")
        .append("\"done_reason\":\"stop\",\"prompt_eval_count\":31,\"eval_count\":10000}\n");
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  static byte[] anthropicBody() {
    StringBuilder sb =
        new StringBuilder(
            "event: message_start\ndata: {\"type\":\"message_start\",\"message\":"
                + "{\"model\":\"claude\",\"usage\":{\"input_tokens\":1,\"output_tokens\":1}}}\n\n"
                + "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
                + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n");
    for (int i = 0; i < EVENTS; i++) {
      sb.append("event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,")
          .append("\"delta\":{\"type\":\"text_delta\",\"text\":\" tok")
          .append(i % 100)
          .append("\"}}\n\n");
    }
    sb.append("event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n")
        .append(
            "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},")
        .append("\"usage\":{\"output_tokens\":10000}}\n\n")
        .append("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }
}

package dev.localgpt.cli;

import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;

/**
 * Overhead per streamed token of a whole {@code localgpt ask} (provider adapter, retry, agent loop,
 * session appends, CLI rendering) against reading the same raw SSE body: each measured at N/2 and N
 * = {@value #TOKENS} text deltas, per-token cost = (t(N) - t(N/2)) / (N/2), each t the fastest of
 * {@value #ROUNDS} warm rounds. Not a test; run with {@code java -cp <test classpath>
 * dev.localgpt.cli.AskOverheadBenchmark}.
 */
public final class AskOverheadBenchmark {
  static final int TOKENS = 10_000;
  static final int ROUNDS = 7;

  public static void main(String[] args) throws Exception {
    byte[] small =
        body(TOKENS / 2); // not 1: a tiny body waits ~40 ms for a delayed ACK and hides the signal
    byte[] large = body(TOKENS);
    Path home = Files.createTempDirectory("ask-bench");
    try (MockWebServer server = new MockWebServer()) {
      server.start(InetAddress.getByName("127.0.0.1"), 0);
      String base = server.url("/").toString().replaceAll("/$", "");
      ChatCli cli =
          new ChatCli(
              home,
              "[agent]\ndefault_model = \"anthropic/claude-sonnet-4-5\"\n"
                  + "[providers.anthropic]\napi_key = \"k\"\nbase_url = \""
                  + base
                  + "\"\n");
      OkHttpClient client = new OkHttpClient();
      double[] best = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
      for (int round = 0; round < ROUNDS + 2; round++) {
        double[] t = {
          time(() -> read(client, server, base, large)),
              time(() -> read(client, server, base, small)),
          time(() -> ask(cli, server, large)), time(() -> ask(cli, server, small))
        };
        for (int i = 0; round >= 2 && i < t.length; i++) {
          best[i] = Math.min(best[i], t[i]);
        }
      }
      // fastest of the rounds for each case: noise (GC, scheduling, delayed ACKs) only ever adds
      // time
      double raw = (best[0] - best[1]) / (TOKENS / 2.0);
      double ask = (best[2] - best[3]) / (TOKENS / 2.0);
      System.out.printf(
          "raw read: %.2f us/token (%.1f ms for %d tokens); ask end to end: %.2f us/token; "
              + "overhead %.2f us/token (fastest of %d rounds each)%n",
          raw, best[0] / 1000, TOKENS, ask, ask - raw, ROUNDS);
      client.dispatcher().executorService().shutdown();
    }
  }

  interface Run {
    void run() throws Exception;
  }

  static double time(Run run) throws Exception {
    long start = System.nanoTime();
    run.run();
    return (System.nanoTime() - start) / 1000.0;
  }

  static void enqueue(MockWebServer server, byte[] body) {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .addHeader("content-type", "text/event-stream")
            .body(new Buffer().write(body))
            .build());
  }

  static void read(OkHttpClient client, MockWebServer server, String base, byte[] body)
      throws Exception {
    enqueue(server, body);
    try (Response response =
            client.newCall(new Request.Builder().url(base + "/raw").build()).execute();
        InputStream in = response.body().byteStream()) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    }
  }

  static void ask(ChatCli cli, MockWebServer server, byte[] body) {
    enqueue(server, body);
    CliRun run = cli.ask("", "say many words");
    if (run.exitCode() != 0) {
      throw new IllegalStateException(run.err());
    }
  }

  /**
   * An Anthropic stream with {@code n} text deltas of one short word each, in the real envelope.
   */
  static byte[] body(int n) {
    StringBuilder sse = new StringBuilder();
    sse.append(
        "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"model\":\"claude-sonnet-4-5\","
            + "\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[],\"stop_reason\":null,"
            + "\"usage\":{\"input_tokens\":10,\"output_tokens\":1}}}\n\n");
    sse.append(
        "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
            + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n");
    for (int i = 0; i < n; i++) {
      sse.append(
          "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
              + "\"delta\":{\"type\":\"text_delta\",\"text\":\" word\"}}\n\n");
    }
    sse.append(
        "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n");
    sse.append(
        "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},"
            + "\"usage\":{\"output_tokens\":"
            + n
            + "}}\n\n");
    sse.append("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
    return sse.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}

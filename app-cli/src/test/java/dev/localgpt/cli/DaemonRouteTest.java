package dev.localgpt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.localgpt.app.daemon.DaemonInfo;
import dev.localgpt.app.daemon.PidFile;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code memory search} and {@code ask} go through a daemon named by the home's pid file (here a
 * fake one in this JVM, replaying the server's JSON and SSE), print what a local run prints, and
 * stay local with {@code --local}.
 */
class DaemonRouteTest {
  private static final String SEARCH =
      """
      {"query":"kayak","results":[{"file":"memory/2024-01-01.md","line_start":3,"line_end":5,
      "content":"Bought a kayak.","score":0.75,"source":"memory",
      "explain":{"bm25":"NaN","cosine":0.5,"fused":0.75,"keyword_rank":0,"vector_rank":1}}]}""";

  @TempDir Path home;
  private HttpServer fake;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private String requiredToken;
  private int rateLimited;
  private String searchReply = SEARCH;

  @BeforeEach
  void fakeDaemon() throws IOException {
    Files.writeString(home.resolve("config.toml"), "[memory]\nembedding_provider = \"none\"\n");
    fake = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    fake.createContext("/health", ex -> reply(ex, 200, "text/plain", "OK"));
    fake.createContext(
        "/api/memory/search",
        ex -> authorised(ex, () -> reply(ex, 200, "application/json", searchReply)));
    fake.createContext(
        "/api/chat/stream",
        ex ->
            authorised(
                ex,
                () ->
                    reply(
                        ex,
                        200,
                        "text/event-stream",
                        """
        data: {"type":"session","session_id":"s1"}

        data: {"type":"content","delta":"You bought "}

        data: {"type":"tool_start","name":"memory_search","id":"t1","detail":"kayak"}

        data: {"type":"tool_end","name":"memory_search","id":"t1","output":"...","warnings":[]}

        data: {"type":"content","delta":"a kayak."}

        data: {"type":"done"}

        data: [DONE]

        """)));
    fake.createContext(
        "/api/chat",
        ex ->
            authorised(
                ex,
                () ->
                    reply(
                        ex,
                        200,
                        "application/json",
                        "{\"response\":\"You bought a kayak.\",\"session_id\":\"s1\",\"model\":\"fake/model\"}")));
    fake.start();
    PidFile.in(home)
        .write(
            new DaemonInfo(
                ProcessHandle.current().pid(),
                "127.0.0.1",
                fake.getAddress().getPort(),
                Instant.now(),
                "test"));
  }

  @AfterEach
  void stop() {
    fake.stop(0);
  }

  @Test
  void memorySearchPrintsTheDaemonsHitsLikeALocalSearch() {
    CliRun run = CliRun.run(home, "memory", "search", "kayak", "-l", "3", "--explain");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .isEqualTo(
            """
        1. memory/2024-01-01.md:3-5  score 0.750
           bm25 - (rank -), cosine 0.500 (rank 1), fused 0.750
           Bought a kayak.
        """);
    assertThat(requests).containsExactly("GET /api/memory/search?q=kayak&limit=3&explain=true");
  }

  @Test
  void formsTheShortcutDoesNotTakeStillGoThroughTheDaemon() {
    CliRun shortcut = CliRun.run(home, "memory", "search", "kayak", "-l", "3", "--explain");
    CliRun picocli = CliRun.run(home, "memory", "search", "-l3", "--explain", "kayak");

    assertThat(picocli.exitCode()).as(picocli.err()).isZero();
    assertThat(picocli.out()).isEqualTo(shortcut.out());
    assertThat(requests)
        .hasSize(2)
        .allMatch(r -> r.equals("GET /api/memory/search?q=kayak&limit=3&explain=true"));
  }

  @Test
  void memorySearchJsonHasTheLocalFields() throws Exception {
    CliRun run = CliRun.run(home, "memory", "search", "kayak", "--json");

    JsonNode result = new ObjectMapper().readTree(run.out());
    assertThat(result.get("pendingEmbeddings").asInt()).isZero();
    JsonNode hits = result.get("hits");
    assertThat(hits).hasSize(1);
    assertThat(hits.get(0).get("path").asText()).isEqualTo("memory/2024-01-01.md");
    assertThat(hits.get(0).get("startLine").asInt()).isEqualTo(3);
    assertThat(hits.get(0).get("endLine").asInt()).isEqualTo(5);
    assertThat(hits.get(0).get("snippet").asText()).isEqualTo("Bought a kayak.");
  }

  @Test
  void pendingEmbeddingsTheDaemonReportsArePrintedAsLocally() throws Exception {
    searchReply =
        SEARCH.replace("{\"query\":\"kayak\",", "{\"query\":\"kayak\",\"pendingEmbeddings\":7,");

    CliRun json = CliRun.run(home, "memory", "search", "kayak", "--json");
    CliRun text = CliRun.run(home, "memory", "search", "kayak", "-l", "3");

    assertThat(new ObjectMapper().readTree(json.out()).get("pendingEmbeddings").asInt())
        .isEqualTo(7);
    assertThat(text.out()).contains("(7 chunks are still being embedded");
  }

  @Test
  void localFlagAndVariableKeepTheSearchInProcess() {
    CliRun flag = CliRun.run(home, "memory", "search", "kayak", "--local");
    CliRun variable =
        CliRun.run(
            Map.of(
                "LOCALGPT_HOME",
                home.toString(),
                "HOME",
                home.resolve("user").toString(),
                "LOCALGPT_LOCAL",
                "1"),
            "memory",
            "search",
            "kayak");

    assertThat(flag.out()).startsWith("no results for \"kayak\"");
    assertThat(variable.out()).startsWith("no results for \"kayak\"");
    assertThat(requests).isEmpty();
  }

  @Test
  void aStalePidFileMeansLocal() {
    PidFile.in(home)
        .write(
            new DaemonInfo(
                ProcessHandle.current().pid(),
                "127.0.0.1",
                fake.getAddress().getPort(),
                Instant.now().minusSeconds(365L * 24 * 3600),
                "test"));

    CliRun run = CliRun.run(home, "memory", "search", "kayak");

    assertThat(run.out()).startsWith("no results for \"kayak\"");
    assertThat(requests).isEmpty();
  }

  @Test
  void theTokenFromTheConfigIsSentWhenTheDaemonAsksForOne() throws Exception {
    requiredToken = "s3cret";
    Files.writeString(
        home.resolve("config.toml"),
        "[memory]\nembedding_provider = \"none\"\n" + "[server]\nauth_token = \"s3cret\"\n");

    CliRun run = CliRun.run(home, "memory", "search", "kayak");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("memory/2024-01-01.md:3-5");
  }

  @Test
  void aRateLimitedRequestIsSentAgainAfterRetryAfter() {
    rateLimited = 1;

    CliRun run = CliRun.run(home, "memory", "search", "kayak");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("memory/2024-01-01.md:3-5");
    // no -l: memory.max_results (6 by default), read from the config on the normal path
    assertThat(requests).containsExactly("GET /api/memory/search?q=kayak&limit=6");
  }

  @Test
  void withoutALimitTheShortcutTakesMaxResultsFromTheConfig() throws Exception {
    Files.writeString(
        home.resolve("config.toml"), "[memory]\nembedding_provider = \"none\"\nmax_results = 4\n");

    CliRun run = CliRun.run(home, "memory", "search", "kayak", "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(requests).containsExactly("GET /api/memory/search?q=kayak&limit=4");
  }

  @Test
  void aBrokenConfigIsReportedByTheNormalPath() throws Exception {
    Files.writeString(home.resolve("config.toml"), "[memory]\nmax_results = \"many\"\n");

    CliRun run = CliRun.run(home, "memory", "search", "kayak");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.CONFIG);
    assertThat(run.err()).contains("memory.max_results").doesNotContain("\tat ");
    assertThat(requests).isEmpty();
  }

  @Test
  void askStreamsTheDaemonsAnswerWithToolLines() {
    CliRun run = CliRun.run(home, "ask", "what", "did", "I", "buy?");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo("You bought \na kayak.\n");
    assertThat(run.err()).contains("> Running tool: memory_search (kayak) ... Done.");
    assertThat(requests).containsExactly("POST /api/chat/stream {\"message\":\"what did I buy?\"}");
  }

  @Test
  void askJsonUsesTheDaemonsModelName() throws Exception {
    CliRun run = CliRun.run(home, "ask", "-f", "json", "-m", "fake/model", "what did I buy?");

    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("question").asText()).isEqualTo("what did I buy?");
    assertThat(json.get("response").asText()).isEqualTo("You bought a kayak.");
    assertThat(json.get("model").asText()).isEqualTo("fake/model");
    assertThat(requests)
        .containsExactly(
            "POST /api/chat {\"message\":\"what did I buy?\",\"model\":\"fake/model\"}");
  }

  private interface Action {
    void run() throws IOException;
  }

  private void authorised(HttpExchange ex, Action action) throws IOException {
    if (rateLimited > 0) {
      rateLimited--;
      ex.getResponseHeaders().set("Retry-After", "1");
      reply(
          ex,
          429,
          "application/json",
          "{\"error\":{\"code\":\"rate_limited\",\"message\":\"slow down\"}}");
      return;
    }
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    if (requiredToken != null && !("Bearer " + requiredToken).equals(auth)) {
      reply(
          ex,
          401,
          "application/json",
          "{\"error\":{\"code\":\"unauthorized\",\"message\":\"token\"}}");
      return;
    }
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    requests.add(
        ex.getRequestMethod() + " " + ex.getRequestURI() + (body.isEmpty() ? "" : " " + body));
    action.run();
  }

  private static void reply(HttpExchange ex, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
    ex.close();
  }
}

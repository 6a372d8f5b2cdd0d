package dev.localgpt.cli.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localgpt.app.daemon.DaemonInfo;
import dev.localgpt.app.daemon.PidFile;
import dev.localgpt.app.wiring.Components;
import dev.localgpt.cli.CliContext;
import dev.localgpt.cli.CliException;
import dev.localgpt.cli.ExitCodes;
import dev.localgpt.core.memory.MemoryHit;
import dev.localgpt.core.memory.SearchResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Talks to the daemon of this home over its HTTP API. {@link #find} returns one only when the pid
 * file names a live daemon whose {@code /health} answers within {@link #HEALTH_TIMEOUT}; commands
 * then search (here) and ask ({@link DaemonChat}) through it and never load the model. Requests go
 * without a token first; on 401 the token from {@code server.auth_token} (read only then) is sent.
 */
public final class DaemonClient {
  /** Set to 1 (or true) to never use the daemon, like {@code --local}. */
  public static final String LOCAL_VARIABLE = "LOCALGPT_LOCAL";

  /** How long a connection to the daemon may take (loopback: at once when it runs). */
  public static final Duration CONNECT_TIMEOUT = Duration.ofMillis(200);

  /** How long {@code /health} may take to answer; a daemon slower than this is not used. */
  public static final Duration HEALTH_TIMEOUT = Duration.ofMillis(500);

  private static final Duration READ_TIMEOUT = Duration.ofMinutes(10);
  private static final long MAX_RETRY_AFTER_SECONDS = 5;

  /** Made on first use: a run that finds no daemon never builds a mapper. */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  private final DaemonInfo daemon;
  private final Supplier<Optional<String>> tokenSource;
  private Optional<String> token = Optional.empty();

  DaemonClient(DaemonInfo daemon, Supplier<Optional<String>> tokenSource) {
    this.daemon = daemon;
    this.tokenSource = tokenSource;
  }

  /** The daemon serving {@code home}, if one runs and answers. */
  public static Optional<DaemonClient> find(Path home, Supplier<Optional<String>> tokenSource) {
    return PidFile.in(home)
        .running()
        .filter(DaemonInfo::serving)
        .filter(DaemonClient::healthy)
        .map(info -> new DaemonClient(info, tokenSource));
  }

  /**
   * The daemon for a CLI command: the home from the command's options and environment.
   *
   * @param local {@code --local}: never use the daemon
   * @param tokenSource {@code server.auth_token}, asked only when the daemon wants a token
   */
  public static Optional<DaemonClient> forCli(
      CliContext context, boolean local, Supplier<Optional<String>> tokenSource) {
    String forced = context.env().getOrDefault(LOCAL_VARIABLE, "");
    if (local || forced.equals("1") || forced.equalsIgnoreCase("true")) {
      return Optional.empty();
    }
    return find(Components.home(context.wiringOptions()).root(), tokenSource);
  }

  /** Chat through this daemon. */
  public DaemonChat chat() {
    return new DaemonChat(this);
  }

  /** The daemon's sessions, status and reindex routes. */
  public DaemonSessions sessions() {
    return new DaemonSessions(this);
  }

  /** Whether the daemon's {@code /health} says OK within {@link #HEALTH_TIMEOUT}. */
  public static boolean healthy(DaemonInfo info) {
    try {
      HttpURLConnection c = open(info.baseUrl() + "/health", HEALTH_TIMEOUT);
      try {
        return c.getResponseCode() == 200;
      } finally {
        c.disconnect();
      }
    } catch (IOException e) {
      return false;
    }
  }

  public DaemonInfo daemon() {
    return daemon;
  }

  /**
   * {@code GET /api/memory/search}: the hits as the local search returns them; {@code
   * pendingEmbeddings} as the daemon reports it, else 0 (its watcher embeds changed notes at once).
   */
  public SearchResult search(String query, int limit, String silo, boolean explain) {
    StringBuilder url =
        new StringBuilder("/api/memory/search?q=")
            .append(encode(query))
            .append("&limit=")
            .append(limit);
    if (silo != null && !silo.isBlank()) {
      url.append("&silo=").append(encode(silo));
    }
    if (explain) {
      url.append("&explain=true");
    }
    JsonNode body = json(request("GET", url.toString(), null));
    List<MemoryHit> hits = new ArrayList<>();
    for (JsonNode r : body.path("results")) {
      JsonNode x = r.path("explain");
      Optional<MemoryHit.Explanation> explanation =
          x.isObject()
              ? Optional.of(
                  new MemoryHit.Explanation(
                      number(x.get("bm25")),
                      number(x.get("cosine")),
                      number(x.get("fused")),
                      x.path("keyword_rank").asInt(),
                      x.path("vector_rank").asInt()))
              : Optional.empty();
      hits.add(
          new MemoryHit(
              r.path("file").asText(),
              r.path("line_start").asInt(),
              r.path("line_end").asInt(),
              number(r.get("score")),
              r.path("content").asText(),
              r.path("source").asText("memory"),
              explanation));
    }
    int pending =
        body.has("pendingEmbeddings")
            ? body.path("pendingEmbeddings").asInt()
            : body.path("pending_embeddings").asInt(0);
    return new SearchResult(hits, pending);
  }

  /** A JSON number, or NaN for anything else (the server writes NaN as the string "NaN"). */
  private static double number(JsonNode value) {
    return value != null && value.isNumber() ? value.doubleValue() : Double.NaN;
  }

  /** The JSON body of a reply from {@link #request}. */
  static JsonNode json(HttpURLConnection c) {
    try (InputStream in = c.getInputStream()) {
      return Json.MAPPER.readTree(in);
    } catch (IOException e) {
      throw new CliException(
          "the daemon's reply is not JSON: " + e.getMessage(),
          "run the command again with --local, or restart it: localgpt daemon restart",
          ExitCodes.GENERAL);
    } finally {
      c.disconnect();
    }
  }

  HttpURLConnection request(String method, String path, byte[] body) {
    try {
      HttpURLConnection c = send(method, path, body);
      if (c.getResponseCode() == 401 && token.isEmpty()) {
        c.disconnect();
        token = tokenSource.get();
        if (token.isPresent()) {
          c = send(method, path, body);
        }
      }
      if (c.getResponseCode() == 429) {
        c = sendAgainAfter(c, method, path, body);
      }
      int status = c.getResponseCode();
      if (status >= 400) {
        throw apiError(status, c.getErrorStream());
      }
      return c;
    } catch (IOException e) {
      throw lost(e);
    }
  }

  /**
   * The daemon's rate limit (60/min, bursts of 10) also counts this CLI: wait as told (at most 5
   * s), try once more.
   */
  private HttpURLConnection sendAgainAfter(
      HttpURLConnection limited, String method, String path, byte[] body) throws IOException {
    long seconds = 1;
    try {
      seconds = Long.parseLong(limited.getHeaderField("Retry-After"));
      seconds = Math.max(1, Math.min(MAX_RETRY_AFTER_SECONDS, seconds));
    } catch (NumberFormatException e) {
      // no or an odd Retry-After: one second
    }
    limited.disconnect();
    try {
      Thread.sleep(seconds * 1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for the daemon's rate limit", e);
    }
    return send(method, path, body);
  }

  private HttpURLConnection send(String method, String path, byte[] body) throws IOException {
    HttpURLConnection c = open(daemon.baseUrl() + path, READ_TIMEOUT);
    c.setRequestMethod(method);
    token.ifPresent(t -> c.setRequestProperty("Authorization", "Bearer " + t));
    if (body != null) {
      c.setDoOutput(true);
      c.setRequestProperty("Content-Type", "application/json");
      c.setFixedLengthStreamingMode(body.length);
      try (OutputStream out = c.getOutputStream()) {
        out.write(body);
      }
    }
    return c;
  }

  private static HttpURLConnection open(String url, Duration readTimeout) throws IOException {
    HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
    c.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
    c.setReadTimeout((int) readTimeout.toMillis());
    c.setUseCaches(false);
    return c;
  }

  private CliException apiError(int status, InputStream errorBody) {
    String message = "HTTP " + status;
    if (errorBody != null) {
      try (errorBody) {
        JsonNode text = Json.MAPPER.readTree(errorBody).path("error").path("message");
        if (text.isTextual()) {
          message = text.asText();
        }
      } catch (IOException | RuntimeException e) {
        // keep the status line
      }
    }
    String hint =
        status == 401
            ? "set server.auth_token in this home's config.toml to the daemon's token, or run with --local"
            : status == 429
                ? "the daemon limits requests per client (60 a minute); wait a moment, or run with --local"
                : "see the daemon log under <home>/logs, or run with --local";
    return new CliException("the daemon refused the request: " + message, hint, ExitCodes.GENERAL);
  }

  CliException lost(IOException e) {
    return new CliException(
        "the daemon at " + daemon.baseUrl() + " stopped answering: " + e.getMessage(),
        "run the command again with --local, or restart it: localgpt daemon restart",
        ExitCodes.GENERAL);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}

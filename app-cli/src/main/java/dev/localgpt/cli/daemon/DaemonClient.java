package dev.localgpt.cli.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localgpt.app.daemon.DaemonInfo;
import dev.localgpt.app.daemon.PidFile;
import dev.localgpt.app.wiring.Components;
import dev.localgpt.cli.CliContext;
import dev.localgpt.cli.CliException;
import dev.localgpt.cli.ExitCodes;
import dev.localgpt.core.chat.ChatStreamListener;
import dev.localgpt.core.json.Json;
import dev.localgpt.core.memory.MemoryHit;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Talks to the daemon of this home over its HTTP API. {@link #find} returns one only when the pid file names a live
 * daemon whose {@code /health} answers within {@link #HEALTH_TIMEOUT}; commands then search and ask through it and
 * never load the model. Requests go without a token first; on 401 the token from {@code server.auth_token} (read
 * only then) is sent.
 */
public final class DaemonClient {
  /** Set to 1 (or true) to never use the daemon, like {@code --local}. */
  public static final String LOCAL_VARIABLE = "LOCALGPT_LOCAL";
  /** How long a connection to the daemon may take (loopback: at once when it runs). */
  public static final Duration CONNECT_TIMEOUT = Duration.ofMillis(200);
  /** How long {@code /health} may take to answer; a daemon slower than this is not used. */
  public static final Duration HEALTH_TIMEOUT = Duration.ofMillis(500);
  private static final Duration READ_TIMEOUT = Duration.ofMinutes(10);

  private final DaemonInfo daemon;
  private final Supplier<Optional<String>> tokenSource;
  private Optional<String> token = Optional.empty();

  DaemonClient(DaemonInfo daemon, Supplier<Optional<String>> tokenSource) {
    this.daemon = daemon;
    this.tokenSource = tokenSource;
  }

  /**
   * The daemon serving {@code home}, if one runs and answers; empty when {@code local} is set, {@link
   * #LOCAL_VARIABLE} is set, or there is none.
   *
   * @param tokenSource {@code server.auth_token}, asked only when the daemon wants a token
   */
  public static Optional<DaemonClient> find(Path home, Map<String, String> env, boolean local,
      Supplier<Optional<String>> tokenSource) {
    String forced = env.getOrDefault(LOCAL_VARIABLE, "");
    if (local || forced.equals("1") || forced.equalsIgnoreCase("true")) {
      return Optional.empty();
    }
    return PidFile.in(home).running()
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
  public static Optional<DaemonClient> forCli(CliContext context, boolean local,
      Supplier<Optional<String>> tokenSource) {
    String forced = context.env().getOrDefault(LOCAL_VARIABLE, "");
    if (local || forced.equals("1") || forced.equalsIgnoreCase("true")) {
      return Optional.empty();
    }
    return find(Components.home(context.wiringOptions()).root(), context.env(), false, tokenSource);
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

  /** {@code GET /api/memory/search}: the hits, as the local search returns them. */
  public List<MemoryHit> search(String query, int limit, String silo, boolean explain) {
    StringBuilder url = new StringBuilder("/api/memory/search?q=").append(encode(query))
        .append("&limit=").append(limit);
    if (silo != null && !silo.isBlank()) {
      url.append("&silo=").append(encode(silo));
    }
    if (explain) {
      url.append("&explain=true");
    }
    // core's small JSON reader, not Jackson: a search through the daemon should load as few classes as it can
    Map<String, Object> body = Json.parseObject(readText(request("GET", url.toString(), null)));
    List<MemoryHit> hits = new ArrayList<>();
    if (body.get("results") instanceof List<?> results) {
      for (Object item : results) {
        if (item instanceof Map<?, ?> r) {
          Optional<MemoryHit.Explanation> explanation = r.get("explain") instanceof Map<?, ?> x
              ? Optional.of(new MemoryHit.Explanation(number(x.get("bm25")), number(x.get("cosine")),
                  number(x.get("fused")), (int) number(x.get("keyword_rank")), (int) number(x.get("vector_rank"))))
              : Optional.empty();
          hits.add(new MemoryHit(String.valueOf(r.get("file")), (int) number(r.get("line_start")),
              (int) number(r.get("line_end")), number(r.get("score")), String.valueOf(r.get("content")),
              r.get("source") instanceof String source ? source : "memory", explanation));
        }
      }
    }
    return hits;
  }

  /** A JSON number, or NaN for anything else (the server writes NaN as the string "NaN"). */
  private static double number(Object value) {
    return value instanceof Number n ? n.doubleValue() : Double.NaN;
  }

  /** The answer of one turn in a new session: {@code POST /api/chat}. */
  public Reply ask(String message, String model) {
    JsonNode body = readJson(request("POST", "/api/chat", chatBody(message, model)));
    return new Reply(body.path("response").asText(), body.path("model").asText(null));
  }

  /** One turn in a new session, streamed to {@code listener}: {@code POST /api/chat/stream} (SSE). */
  public void askStreaming(String message, String model, ChatStreamListener listener) {
    HttpURLConnection c = request("POST", "/api/chat/stream", chatBody(message, model));
    try (BufferedReader in = new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (!line.startsWith("data:")) {
          continue;
        }
        String data = line.substring(5).strip();
        if (data.equals("[DONE]")) {
          return;
        }
        JsonNode event = Jackson.MAPPER.readTree(data);
        switch (event.path("type").asText()) {
          case "content" -> listener.onText(event.path("delta").asText());
          case "tool_start" -> listener.onToolStart(event.path("name").asText(), event.path("detail").asText(""));
          case "tool_end" -> listener.onToolEnd(event.path("name").asText(), false);
          case "error" -> throw new CliException(event.path("error").asText("the daemon failed to answer"),
              "see the daemon log under <home>/logs, or run with --local", ExitCodes.PROVIDER);
          default -> { }
        }
      }
    } catch (IOException e) {
      throw lost(e);
    } finally {
      c.disconnect();
    }
  }

  /** A reply and the model that gave it. */
  public record Reply(String text, String model) {}

  private byte[] chatBody(String message, String model) {
    ObjectNode body = Jackson.MAPPER.createObjectNode().put("message", message);
    if (model != null && !model.isBlank()) {
      body.put("model", model);
    }
    return body.toString().getBytes(StandardCharsets.UTF_8);
  }

  private HttpURLConnection request(String method, String path, byte[] body) {
    try {
      HttpURLConnection c = send(method, path, body);
      if (c.getResponseCode() == 401 && token.isEmpty()) {
        c.disconnect();
        token = tokenSource.get();
        if (token.isPresent()) {
          c = send(method, path, body);
        }
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

  private JsonNode readJson(HttpURLConnection c) {
    try (InputStream in = c.getInputStream()) {
      return Jackson.MAPPER.readTree(in);
    } catch (IOException e) {
      throw lost(e);
    } finally {
      c.disconnect();
    }
  }

  private String readText(HttpURLConnection c) {
    try (InputStream in = c.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw lost(e);
    } finally {
      c.disconnect();
    }
  }

  private CliException apiError(int status, InputStream errorBody) {
    String message = "HTTP " + status;
    if (errorBody != null) {
      try (errorBody) {
        JsonNode error = Jackson.MAPPER.readTree(errorBody).path("error");
        message = error.path("message").asText(message);
      } catch (IOException e) {
        // keep the status line
      }
    }
    String hint = status == 401
        ? "set server.auth_token in this home's config.toml to the daemon's token, or run with --local"
        : "see the daemon log under <home>/logs, or run with --local";
    return new CliException("the daemon refused the request: " + message, hint, ExitCodes.GENERAL);
  }

  private CliException lost(IOException e) {
    return new CliException("the daemon at " + daemon.baseUrl() + " stopped answering: " + e.getMessage(),
        "run the command again with --local, or restart it: localgpt daemon restart", ExitCodes.GENERAL);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** Jackson, loaded only by the requests that need it (chat), not by a search. */
  private static final class Jackson {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }
}

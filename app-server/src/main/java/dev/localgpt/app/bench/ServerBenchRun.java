package dev.localgpt.app.bench;

import dev.localgpt.adapter.sqlite.SqliteMemoryIndex;
import dev.localgpt.adapter.sqlite.SqliteOptions;
import dev.localgpt.app.daemon.DaemonJvm;
import dev.localgpt.core.memory.eval.SyntheticCorpus;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * {@code localgpt bench server}: requests per second and p50/p99 latency of {@code GET /health} and
 * {@code GET /api/memory/search} with 1, 8 and 64 concurrent loopback clients, against the app's
 * server in its own JVM over a synthetic index (prose of random words and English function words,
 * random 384-d vectors; the queries are realistic questions at the API's default limit, embedded by
 * the configured model), plus that JVM's resident memory at start, idle after warm-up and at its
 * peak under load.
 */
public final class ServerBenchRun {
  static final int[] CLIENTS = {1, 8, 64};

  private ServerBenchRun() {}

  /**
   * @param embedding {@code memory.embedding_provider} for the server ({@code local} = hybrid
   *     search with the ONNX model, {@code none} = keyword only)
   * @param jvmOptions extra options for the server JVM (e.g. {@code -Xmx128m})
   */
  public static void run(
      PrintWriter out, int chunks, int seconds, String embedding, List<String> jvmOptions) {
    run(out, chunks, seconds, embedding, jvmOptions, 0);
  }

  /**
   * As {@link #run(PrintWriter, int, int, String, List)}, with {@code warmUpSeconds} of searches
   * from 8 clients before the timed runs (untimed), so the JIT has compiled the search path as in a
   * daemon that has run for a while; 0 warms up with 100 searches only.
   */
  public static void run(
      PrintWriter out,
      int chunks,
      int seconds,
      String embedding,
      List<String> jvmOptions,
      int warmUpSeconds) {
    Process server = null;
    Path home = BenchConfigs.tempDir("localgpt-bench-server");
    try {
      Random random = new Random(42);
      SyntheticCorpus synthetic = new SyntheticCorpus(random);
      Files.createDirectories(home.resolve("data"));
      Files.writeString(
          home.resolve("config.toml"), "[memory]\nembedding_provider = \"" + embedding + "\"\n");
      long t0 = System.nanoTime();
      try (SqliteMemoryIndex index =
          SqliteMemoryIndex.open(home.resolve("data/memory.sqlite"), SqliteOptions.javaKnn())) {
        synthetic.fill(index, chunks);
      }
      out.printf(
          Locale.ROOT,
          "%,d synthetic chunks written in %.1f s; server JVM options %s, embeddings %s%n",
          chunks,
          (System.nanoTime() - t0) / 1e9,
          DaemonJvm.withDefaults(jvmOptions) + " " + DaemonJvm.ENVIRONMENT,
          embedding);
      out.flush();
      server = start(home, jvmOptions);
      int port = port(server);
      long pid = server.pid();
      long rssStart = Rss.kb(pid);
      LoadRun.Target base =
          new LoadRun.Target(
              HttpClient.newBuilder()
                  .version(HttpClient.Version.HTTP_1_1)
                  .connectTimeout(Duration.ofSeconds(10))
                  .build(),
              "http://127.0.0.1:" + port);
      List<String> searches = new ArrayList<>();
      for (int i = 0; i < 1000; i++) {
        searches.add(
            "/api/memory/search?q="
                + URLEncoder.encode(synthetic.question(), StandardCharsets.UTF_8));
      }
      List<String> health = List.of("/health");
      LoadRun.warm(base, searches, 100);
      LoadRun.warm(base, health, 500);
      if (warmUpSeconds > 0) {
        LoadRun.Result warm =
            LoadRun.run(base, searches, 8, Duration.ofSeconds(warmUpSeconds), pid);
        out.printf(
            Locale.ROOT,
            "warm-up: %d s of searches from 8 clients, %.0f req/s, server CPU %.2f ms/req%n",
            warmUpSeconds,
            warm.perSecond(),
            warm.serverCpuMillisPerRequest());
      }
      Thread.sleep(2000);
      long rssIdle = Rss.kb(pid);
      out.printf(
          Locale.ROOT,
          "server RSS: %,d KB at start, %,d KB idle after warm-up (model loaded; %s)%n",
          rssStart,
          rssIdle,
          Rss.parts(pid));
      out.printf(
          Locale.ROOT,
          "%-22s %7s %10s %9s %9s %12s %12s%n",
          "endpoint",
          "clients",
          "req/s",
          "p50 ms",
          "p99 ms",
          "CPU ms/req",
          "peak RSS KB");
      for (String[] endpoint :
          new String[][] {{"GET /health", "h"}, {"GET /api/memory/search", "s"}}) {
        for (int clients : CLIENTS) {
          LoadRun.Result r =
              LoadRun.run(
                  base,
                  endpoint[1].equals("h") ? health : searches,
                  clients,
                  Duration.ofSeconds(seconds),
                  pid);
          out.printf(
              Locale.ROOT,
              "%-22s %7d %10.0f %9.2f %9.2f %12.2f %,12d%s%n",
              endpoint[0],
              clients,
              r.perSecond(),
              r.p50Millis(),
              r.p99Millis(),
              r.serverCpuMillisPerRequest(),
              r.peakRssKb(),
              r.errors() > 0 ? "  (" + r.errors() + " errors)" : "");
          out.flush();
        }
      }
      out.printf(
          Locale.ROOT, "server RSS after the runs: %,d KB (%s)%n", Rss.kb(pid), Rss.parts(pid));
      Thread.sleep(6000);
      out.printf(
          Locale.ROOT, "server RSS 6 s later (idle): %,d KB (%s)%n", Rss.kb(pid), Rss.parts(pid));
    } catch (IOException e) {
      throw new UncheckedIOException("bench server: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (server != null) {
        stop(server);
      }
      BenchConfigs.deleteTree(home);
    }
  }

  private static Process start(Path home, List<String> jvmOptions) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command =
        new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC"));
    // The daemon's JVM (heap, native trimming, malloc arenas), so the figures are the daemon's.
    command.addAll(DaemonJvm.withDefaults(jvmOptions));
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            BenchServerProcess.class.getName(),
            home.toString()));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectError(home.resolve("server.log").toFile());
    builder.environment().remove("LOCALGPT_CONFIG");
    DaemonJvm.ENVIRONMENT.forEach(builder.environment()::putIfAbsent);
    return builder.start();
  }

  private static int port(Process server) throws IOException {
    BufferedReader lines =
        new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      if (line.startsWith("PORT ")) {
        return Integer.parseInt(line.substring(5).strip());
      }
    }
    throw new IllegalStateException("the benchmark server exited before it listened");
  }

  private static void stop(Process server) {
    try {
      server.getOutputStream().close();
      if (!server.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
        server.destroy();
      }
    } catch (IOException e) {
      server.destroy();
    } catch (InterruptedException e) {
      server.destroy();
      Thread.currentThread().interrupt();
    }
  }

  /** Resident set size of a process, from {@code /proc} (0 where there is none). */
  static final class Rss {
    private Rss() {}

    static long kb(long pid) {
      return field(pid, "VmRSS:");
    }

    /** The RSS split into anonymous memory (heap, malloc, onnxruntime) and mapped files. */
    static String parts(long pid) {
      return String.format(
          Locale.ROOT,
          "anonymous %,d KB, files %,d KB",
          field(pid, "RssAnon:"),
          field(pid, "RssFile:") + field(pid, "RssShmem:"));
    }

    private static long field(long pid, String name) {
      try {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
          if (line.startsWith(name)) {
            return Long.parseLong(line.replaceAll("[^0-9]", ""));
          }
        }
      } catch (IOException | NumberFormatException e) {
        return 0;
      }
      return 0;
    }
  }

  static HttpRequest get(String uri) {
    return HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30)).GET().build();
  }

  static boolean ok(HttpClient client, String uri) {
    try {
      return client.send(get(uri), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}

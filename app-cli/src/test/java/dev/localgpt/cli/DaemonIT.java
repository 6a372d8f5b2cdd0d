package dev.localgpt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localgpt.app.daemon.DaemonInfo;
import dev.localgpt.app.daemon.PidFile;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code localgpt daemon} as real processes on a keyword-only home: {@code daemon start}
 * re-executes this JVM in the background; the other commands run in this JVM against it, as a
 * second process would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DaemonIT {
  @TempDir static Path home;
  private DaemonInfo daemon;

  @BeforeAll
  void startDaemon() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Files.writeString(
        home.resolve("config.toml"),
        "[memory]\nembedding_provider = \"none\"\n[server]\nport = " + port + "\n");
    assertThat(CliRun.run(home, "workspace", "init").exitCode()).isZero();
    Files.writeString(home.resolve("workspace/memory/2024-01-01.md"), "# Day\n\nBought a kayak.\n");

    Process start = localgpt("daemon", "start");
    String out = new String(start.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(start.waitFor(3, TimeUnit.MINUTES)).isTrue();
    assertThat(start.exitValue()).as(out).isZero();
    assertThat(out).contains("daemon started (pid ").contains("http://127.0.0.1:" + port);
    daemon = PidFile.in(home).running().orElseThrow();
    waitFor(() -> search("kayak").contains("2024-01-01.md"));
  }

  @AfterAll
  void killLeftovers() {
    PidFile.in(home)
        .read()
        .flatMap(i -> ProcessHandle.of(i.pid()))
        .ifPresent(ProcessHandle::destroyForcibly);
  }

  @Test
  @Order(1)
  void theDaemonRunsDetachedWithAPrivatePidFileAndADailyLog() throws Exception {
    assertThat(ProcessHandle.of(daemon.pid()).map(ProcessHandle::isAlive)).contains(true);
    assertThat(mode(PidFile.in(home).path())).isEqualTo("rw-------");
    Path log = home.resolve("logs/daemon-" + LocalDate.now() + ".log");
    assertThat(mode(log)).isEqualTo("rw-------");
    assertThat(Files.readString(log)).contains("daemon started: pid " + daemon.pid());
  }

  @Test
  @Order(2)
  void statusReportsPidPortUptimeAndVersion() throws Exception {
    CliRun text = CliRun.run(home, "daemon", "status");
    CliRun json = CliRun.run(home, "daemon", "status", "--json");

    assertThat(text.exitCode()).isZero();
    assertThat(text.out())
        .startsWith("daemon running")
        .contains("pid      " + daemon.pid(), "uptime", "version");
    JsonNode status = new ObjectMapper().readTree(json.out());
    assertThat(status.get("running").asBoolean()).isTrue();
    assertThat(status.get("pid").asLong()).isEqualTo(daemon.pid());
    assertThat(status.get("port").asInt()).isEqualTo(daemon.port());
    assertThat(status.get("healthy").asBoolean()).isTrue();
    assertThat(status.get("uptime_seconds").asLong()).isNotNegative();
  }

  @Test
  @Order(3)
  void aSecondStartReportsTheRunningOneInOneLine() {
    CliRun second = CliRun.run(home, "daemon", "start");

    assertThat(second.exitCode()).isEqualTo(ExitCodes.GENERAL);
    assertThat(second.err().strip())
        .doesNotContain("\n")
        .contains("already running", "pid " + daemon.pid(), daemon.baseUrl());
  }

  @Test
  @Order(4)
  void theWatcherIndexesANewNoteWithinSeconds() throws Exception {
    Path folder = Files.createDirectories(home.resolve("workspace/projects/boat"));
    Files.writeString(folder.resolve("hull.md"), "The hull needs zanthoxylum varnish.\n");

    waitFor(() -> search("zanthoxylum").contains("projects/boat/hull.md"));
  }

  @Test
  @Order(5)
  void searchThroughTheDaemonGivesTheSameHitsAsALocalSearch() {
    CliRun remote = CliRun.run(home, "memory", "search", "kayak", "--json");
    CliRun local = CliRun.run(home, "memory", "search", "kayak", "--json", "--local");

    assertThat(remote.exitCode()).as(remote.err()).isZero();
    assertThat(remote.out()).contains("memory/2024-01-01.md").isEqualTo(local.out());
    assertThat(CliRun.run(home, "memory", "search", "kayak").out())
        .isEqualTo(CliRun.run(home, "memory", "search", "kayak", "--local").out());
  }

  @Test
  @Order(6)
  void cliCommandsAndTheDaemonWorkOnOneHomeAtOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<CliRun>> runs = new ArrayList<>();
      List<Future<String>> daemonSide = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        int n = i;
        Files.writeString(
            home.resolve("workspace/memory/burst-" + n + ".md"), "note quetzal" + n + "\n");
        runs.add(pool.submit(() -> CliRun.run(home, "memory", "reindex")));
        runs.add(pool.submit(() -> CliRun.run(home, "memory", "search", "kayak", "--local")));
        runs.add(
            pool.submit(() -> CliRun.run(home, "ask", "--local", "what about quetzal" + n + "?")));
        daemonSide.add(
            pool.submit(
                (Callable<String>) () -> post("/api/chat", "{\"message\":\"kayak " + n + "?\"}")));
      }
      for (Future<CliRun> f : runs) {
        CliRun run = f.get(5, TimeUnit.MINUTES);
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.err()).doesNotContain("error:");
      }
      for (Future<String> f : daemonSide) {
        assertThat(f.get(5, TimeUnit.MINUTES)).contains("\"session_id\"");
      }
    } finally {
      pool.shutdownNow();
    }
    for (int n = 0; n < 5; n++) {
      int note = n;
      waitFor(() -> search("quetzal" + note).contains("burst-" + note + ".md"));
    }
    CliRun sessions = CliRun.run(home, "sessions", "list", "--json");
    assertThat(new ObjectMapper().readTree(sessions.out()).size()).isGreaterThanOrEqualTo(10);
    CliRun check = CliRun.run(home, "memory", "reindex");
    assertThat(check.exitCode()).as(check.err()).isZero();
  }

  @Test
  @Order(7)
  void stopEndsTheDaemonAndRemovesThePidFile() throws Exception {
    CliRun stop = CliRun.run(home, "daemon", "stop");

    assertThat(stop.exitCode()).as(stop.err()).isZero();
    assertThat(stop.out()).contains("daemon stopped (pid " + daemon.pid() + ")");
    assertThat(ProcessHandle.of(daemon.pid()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    assertThat(PidFile.in(home).path()).doesNotExist();
    assertThat(Files.readString(home.resolve("logs/daemon-" + LocalDate.now() + ".log")))
        .contains("daemon stopped");

    CliRun status = CliRun.run(home, "daemon", "status");
    assertThat(status.exitCode()).isEqualTo(ExitCodes.GENERAL);
    assertThat(status.out()).startsWith("daemon not running");
    assertThat(CliRun.run(home, "daemon", "stop").err()).startsWith("no daemon is running");
  }

  @Test
  @Order(8)
  void aStalePidFileIsReportedAndRemoved() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Process notOurs = new ProcessBuilder("sleep", "60").start();
    try {
      for (long pid : List.of(gone.pid(), notOurs.pid())) {
        PidFile.in(home).write(new DaemonInfo(pid, "127.0.0.1", 1, java.time.Instant.now(), "old"));

        CliRun status = CliRun.run(home, "daemon", "status");
        assertThat(status.out()).contains("not running", "stale pid file");
        CliRun stop = CliRun.run(home, "daemon", "stop");
        assertThat(stop.err()).contains("removed a stale pid file");
        assertThat(PidFile.in(home).path()).doesNotExist();
      }
    } finally {
      notOurs.destroyForcibly();
    }
  }

  private Process localgpt(String... args) throws IOException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED",
                "-XX:+UseSerialGC",
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.localgpt.cli.Main"));
    cmd.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true);
    builder.environment().put("LOCALGPT_HOME", home.toString());
    builder.environment().put("HOME", home.resolve("user").toString());
    builder.environment().put("OLLAMA_HOST", "127.0.0.1:1");
    return builder.start();
  }

  private String search(String word) {
    return CliRun.run(home, "memory", "search", word, "--json").out();
  }

  /**
   * A POST as any HTTP client sends it, waiting out the daemon's rate limit (60/min, bursts of 10)
   * like one.
   */
  private String post(String path, String json) throws Exception {
    try (HttpClient client = HttpClient.newHttpClient()) {
      for (int attempt = 0; ; attempt++) {
        HttpResponse<String> response =
            client.send(
                HttpRequest.newBuilder(URI.create(daemon.baseUrl() + path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 429 || attempt == 30) {
          return response.body();
        }
        Thread.sleep(
            1000L * Long.parseLong(response.headers().firstValue("Retry-After").orElse("1")));
      }
    }
  }

  private static String mode(Path file) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
  }

  private static void waitFor(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition not met within two minutes").isLessThan(deadline);
      Thread.sleep(1000); // the daemon's rate limit refills one request a second
    }
  }
}

package dev.localgpt.app.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Injector;
import dev.localgpt.app.wiring.DaemonMemories;
import dev.localgpt.app.wiring.MemoryStack;
import dev.localgpt.app.wiring.Wiring;
import dev.localgpt.app.wiring.WiringOptions;
import dev.localgpt.core.memory.MemoryHit;
import dev.localgpt.core.memory.MemoryService;
import dev.localgpt.core.memory.SearchOptions;
import dev.localgpt.core.workspace.Workspace;
import dev.localgpt.server.LocalGptServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon runtime in this JVM on a keyword-only home: server, pid file, watcher, clean stop. */
class DaemonRuntimeIT {
  @TempDir Path home;

  private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
  private final PrintStream log = new PrintStream(logBytes, true, StandardCharsets.UTF_8);

  @Test
  void servesAnnouncesItselfReindexesChangedNotesAndStopsCleanly() throws Exception {
    Injector injector = injector();
    Daemon daemon = new Daemon(setup(injector), log);
    DaemonInfo info = daemon.start();
    try {
      assertThat(PidFile.in(home).running()).contains(info);
      assertThat(info.pid()).isEqualTo(ProcessHandle.current().pid());
      assertThat(get(info, "/health")).isEqualTo("OK");

      Path workspace = injector.getInstance(Workspace.class).root();
      Path newFolder = workspace.resolve("projects/garden");
      Files.createDirectories(newFolder);
      Files.writeString(
          newFolder.resolve("plan.md"), "# Plan\nplant the xylophonic tulips in March\n");
      Files.writeString(
          workspace.resolve("memory/today.md"), "met the quizzical armadillo at noon\n");
      MemoryService memory = injector.getInstance(MemoryService.class);

      waitFor(
          () -> !search(memory, "xylophonic").isEmpty() && !search(memory, "armadillo").isEmpty());
      assertThat(search(memory, "xylophonic"))
          .extracting(MemoryHit::path)
          .containsExactly("projects/garden/plan.md");
      assertThat(get(info, "/api/memory/search?q=armadillo")).contains("memory/today.md");

      Files.delete(workspace.resolve("memory/today.md"));
      waitFor(() -> search(memory, "armadillo").isEmpty());
    } finally {
      daemon.stop();
    }
    assertThat(PidFile.in(home).path()).doesNotExist();
    assertThatThrownBy(() -> get(info, "/health")).isInstanceOf(java.io.IOException.class);
    assertThat(logBytes.toString(StandardCharsets.UTF_8))
        .contains("daemon started", "re-indexed", "daemon stopped");
  }

  @Test
  void aSecondDaemonForTheSameHomeIsRefusedAndNamesTheFirst() {
    Daemon first = new Daemon(setup(injector()), log);
    DaemonInfo info = first.start();
    try {
      Daemon second = new Daemon(setup(injector()), log);
      assertThatThrownBy(second::start)
          .isInstanceOf(DaemonRunningException.class)
          .hasMessageContaining("already running")
          .hasMessageContaining("pid " + info.pid());
      assertThat(PidFile.in(home).running()).contains(info);
    } finally {
      first.stop();
    }
  }

  @Test
  void indexesAndWatchesEachServerUsersWorkspaceIntoHerOwnMemory() throws Exception {
    Injector injector =
        injector(
            """
            [server]
            auth_token = "owner-token-0123456789"

            [[server.users]]
            name = "alice"
            token = "alice-token-0123456789"
            """);
    Path alice = home.resolve("users/alice/workspace");
    Files.createDirectories(alice.resolve("memory"));
    Files.writeString(
        alice.resolve("memory/before.md"), "the periwinkle umbrella is in the hall\n");
    Daemon daemon =
        new Daemon(setup(injector, injector.getInstance(DaemonMemories.class).all()), log);
    DaemonInfo info = daemon.start();
    try {
      // written before the start: found by the first index; written after: by her watcher
      waitFor(
          () -> get(info, "/api/memory/search?q=periwinkle", ALICE).contains("before.md"),
          this::logText);
      Files.writeString(alice.resolve("memory/after.md"), "the tangerine kettle whistles\n");
      waitFor(
          () -> get(info, "/api/memory/search?q=tangerine", ALICE).contains("after.md"),
          this::logText);

      assertThat(get(info, "/api/memory/search?q=periwinkle", OWNER)).doesNotContain("before.md");
    } finally {
      daemon.stop();
    }
    assertThat(logBytes.toString(StandardCharsets.UTF_8))
        .contains("1 users' workspaces among them", "[alice] re-indexed");
  }

  private String logText() {
    return "daemon log:\n" + logBytes.toString(StandardCharsets.UTF_8);
  }

  private static final String ALICE = "alice-token-0123456789";
  private static final String OWNER = "owner-token-0123456789";

  private Injector injector() {
    return injector("");
  }

  private Injector injector(String moreConfig) {
    try {
      Files.createDirectories(home);
      Files.writeString(
          home.resolve("config.toml"), "[memory]\nembedding_provider = \"none\"\n" + moreConfig);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return Wiring.injector(
        new WiringOptions(
            Map.of("OLLAMA_HOST", "127.0.0.1:1"), Optional.of(home), Optional.empty()));
  }

  private DaemonSetup setup(Injector injector) {
    Path workspace = injector.getInstance(Workspace.class).root();
    return setup(
        injector,
        List.of(
            WatchedMemory.owner(
                List.of(workspace), () -> injector.getInstance(MemoryService.class))));
  }

  private DaemonSetup setup(Injector injector, List<WatchedMemory> memories) {
    return new DaemonSetup(
        home,
        () -> Optional.of(Wiring.get(injector, LocalGptServer.class).toBuilder().port(0).build()),
        memories,
        "test",
        () -> injector.getInstance(MemoryStack.class).close());
  }

  private static List<MemoryHit> search(MemoryService memory, String word) {
    return memory.search(word, SearchOptions.limit(5));
  }

  private static String get(DaemonInfo info, String path) throws Exception {
    try (HttpClient client = HttpClient.newHttpClient()) {
      return client
          .send(
              HttpRequest.newBuilder(URI.create(info.baseUrl() + path)).build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    }
  }

  /** GET with a bearer token; an I/O failure reads as an empty body (polled again). */
  private static String get(DaemonInfo info, String path, String token) {
    try (HttpClient client = HttpClient.newHttpClient()) {
      return client
          .send(
              HttpRequest.newBuilder(URI.create(info.baseUrl() + path))
                  .header("Authorization", "Bearer " + token)
                  .build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (java.io.IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  /**
   * Polls until the condition holds; fails after a minute (a busy machine is slow, never that
   * slow).
   */
  private static void waitFor(BooleanSupplier condition) throws InterruptedException {
    waitFor(condition, () -> "");
  }

  private static void waitFor(BooleanSupplier condition, Supplier<String> context)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime())
          .as(() -> "condition not met within a minute; " + context.get())
          .isLessThan(deadline);
      Thread.sleep(100);
    }
  }
}

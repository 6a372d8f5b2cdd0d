package dev.localgpt.cli.commands;

import com.google.inject.Inject;
import com.google.inject.Provider;
import dev.localgpt.app.daemon.Daemon;
import dev.localgpt.app.daemon.DaemonInfo;
import dev.localgpt.app.daemon.DaemonRunningException;
import dev.localgpt.app.daemon.DaemonSetup;
import dev.localgpt.app.daemon.PidFile;
import dev.localgpt.app.heartbeat.HeartbeatComponents;
import dev.localgpt.app.wiring.Components;
import dev.localgpt.app.wiring.DaemonMemories;
import dev.localgpt.app.wiring.MemoryStack;
import dev.localgpt.cli.CliContext;
import dev.localgpt.cli.ExitCodes;
import dev.localgpt.cli.daemon.DaemonClient;
import dev.localgpt.cli.daemon.DaemonLauncher;
import dev.localgpt.cli.daemon.DaemonStatus;
import dev.localgpt.core.agent.tools.BashSandbox;
import dev.localgpt.core.config.LocalGptConfig;
import dev.localgpt.core.heartbeat.HeartbeatService;
import dev.localgpt.ports.schedule.Scheduler;
import dev.localgpt.server.LocalGptServer;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code localgpt daemon start [-f] | stop | restart [-f] | status [--json] | heartbeat}. */
@Command(
    name = "daemon",
    mixinStandardHelpOptions = true,
    description =
        "Run LocalGPT in the background: the HTTP server and a watcher that re-indexes changed notes.")
public final class DaemonCommand implements Runnable {
  /**
   * How long {@code stop} waits; a little more than the server's grace period for in-flight
   * requests.
   */
  static final Duration STOP_WAIT = Duration.ofSeconds(12);

  @Inject private CliContext context;
  @Inject private Provider<LocalGptConfig> config;
  @Inject private Provider<LocalGptServer> server;
  @Inject private Provider<DaemonMemories> memories;
  @Inject private Provider<MemoryStack> stack;
  @Inject private Provider<HeartbeatService> heartbeat;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "missing subcommand: start, stop, restart, status or heartbeat");
  }

  @Command(
      name = "start",
      mixinStandardHelpOptions = true,
      description = "Start the daemon in the background (log: <home>/logs/daemon-YYYY-MM-DD.log).")
  int start(
      @Option(
              names = {"-f", "--foreground"},
              description = "Run in this terminal until Ctrl-C or SIGTERM.")
          boolean foreground) {
    PidFile pidFile = PidFile.in(home());
    Optional<DaemonInfo> running = pidFile.running();
    if (running.isPresent()) {
      context.err().println(alreadyRunning(running.get()));
      return ExitCodes.GENERAL;
    }
    if (foreground) {
      return runHere();
    }
    DaemonLauncher launcher = new DaemonLauncher(home(), context.wiringOptions().configFile());
    DaemonInfo info = launcher.start();
    context
        .out()
        .println(
            "daemon started (pid "
                + info.pid()
                + (info.serving() ? ", " + info.baseUrl() : "")
                + "); log: "
                + launcher.logFile());
    return ExitCodes.OK;
  }

  @Command(
      name = "stop",
      mixinStandardHelpOptions = true,
      description = "Stop the daemon (SIGTERM; waits for it).")
  int stop() {
    PidFile pidFile = PidFile.in(home());
    Optional<DaemonInfo> running = pidFile.running();
    if (running.isEmpty()) {
      boolean stale = pidFile.stale();
      pidFile.deleteStale();
      context
          .err()
          .println(
              "no daemon is running for " + home() + (stale ? " (removed a stale pid file)" : ""));
      return ExitCodes.GENERAL;
    }
    long pid = running.get().pid();
    Optional<ProcessHandle> process = ProcessHandle.of(pid);
    if (process.isEmpty() || !process.get().destroy()) {
      context
          .err()
          .println("cannot signal the daemon (pid " + pid + "); stop it with: kill " + pid);
      return ExitCodes.GENERAL;
    }
    try {
      process.get().onExit().get(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      context.out().println("daemon stopped (pid " + pid + ")");
      return ExitCodes.OK;
    } catch (TimeoutException e) {
      context
          .err()
          .println(
              "the daemon (pid "
                  + pid
                  + ") did not stop within "
                  + STOP_WAIT.toSeconds()
                  + " s; it may still be finishing; kill -9 "
                  + pid
                  + " forces it");
      return ExitCodes.GENERAL;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ExitCodes.GENERAL;
    } catch (ExecutionException e) {
      context.out().println("daemon stopped (pid " + pid + ")");
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "restart",
      mixinStandardHelpOptions = true,
      description = "Stop the daemon if it runs, then start it.")
  int restart(
      @Option(
              names = {"-f", "--foreground"},
              description = "Run in this terminal until Ctrl-C or SIGTERM.")
          boolean foreground) {
    if (PidFile.in(home()).running().isPresent()) {
      int stopped = stop();
      if (stopped != ExitCodes.OK) {
        return stopped;
      }
    }
    return start(foreground);
  }

  @Command(
      name = "heartbeat",
      mixinStandardHelpOptions = true,
      description =
          "One heartbeat now, printing the result (the Rust LocalGPT's name for 'localgpt heartbeat run').")
  int heartbeat() {
    return HeartbeatCommand.report(context, heartbeat.get().runOnce());
  }

  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description =
          "Whether a daemon runs for this home: pid, URL, uptime, version (exit 1 when none).")
  int status(@Option(names = "--json", description = "Print JSON.") boolean json) {
    PidFile pidFile = PidFile.in(home());
    DaemonStatus status = DaemonStatus.of(pidFile, info -> DaemonClient.healthy(info));
    if (json) {
      context.printJson(status.toJson());
    } else {
      status.print(context.out());
    }
    return status.running() ? ExitCodes.OK : ExitCodes.GENERAL;
  }

  private int runHere() {
    LocalGptConfig config = this.config.get();
    DaemonSetup setup =
        new DaemonSetup(
            home(),
            () -> config.server().enabled() ? Optional.of(server.get()) : Optional.empty(),
            memories.get().all(),
            DaemonStatus.version(),
            () -> stack.get().close());
    PrintStream log = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Daemon daemon = new Daemon(setup, log);
    try {
      daemon.start();
    } catch (DaemonRunningException e) {
      context.err().println(e.running().map(DaemonCommand::alreadyRunning).orElse(e.getMessage()));
      return ExitCodes.GENERAL;
    }
    new BashSandbox(BashSandbox.findBwrap(System.getenv()), false, List.of())
        .notice(config.tools().bashEnabled())
        .ifPresent(n -> log.println("note: " + n));
    Scheduler heartbeat =
        HeartbeatComponents.start(
            this.heartbeat.get(), Clock.systemUTC(), config.memory().storage());
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  heartbeat.close();
                  daemon.stop();
                },
                "localgpt-daemon-stop"));
    try {
      daemon.awaitStop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      heartbeat.close();
      daemon.stop();
    }
    return ExitCodes.OK;
  }

  private Path home() {
    return Components.home(context.wiringOptions()).root();
  }

  private static String alreadyRunning(DaemonInfo info) {
    return "a daemon is already running for this home (pid "
        + info.pid()
        + (info.serving() ? ", " + info.baseUrl() : "")
        + "); stop it with: localgpt daemon stop";
  }
}

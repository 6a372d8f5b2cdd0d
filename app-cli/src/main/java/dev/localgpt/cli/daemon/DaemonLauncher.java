package dev.localgpt.cli.daemon;

import dev.localgpt.app.daemon.DaemonInfo;
import dev.localgpt.app.daemon.DaemonJvm;
import dev.localgpt.app.daemon.PidFile;
import dev.localgpt.cli.CliException;
import dev.localgpt.cli.ExitCodes;
import dev.localgpt.core.workspace.PrivateFiles;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Starts {@code localgpt daemon start --foreground} as a detached background process: the same
 * java, JVM options and class path as this one (under {@code setsid} when there is one, so it
 * leaves the terminal's session), stdin from {@code /dev/null}, stdout and stderr appended to
 * {@code <home>/logs/daemon-YYYY-MM-DD.log} (mode 0600). Then waits until the new daemon has
 * written its pid file, or reports the end of the log when it died.
 */
public final class DaemonLauncher {
  static final String MAIN = "dev.localgpt.cli.Main";

  /**
   * JVM options of the daemon unless the user gave their own (bin/localgpt adds the same for {@code
   * daemon start -f}): {@link DaemonJvm#OPTIONS}.
   */
  static final List<String> JVM_OPTIONS = DaemonJvm.OPTIONS;

  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final Path home;
  private final Optional<Path> configFile;

  public DaemonLauncher(Path home, Optional<Path> configFile) {
    this.home = home;
    this.configFile = configFile;
  }

  /** Today's daemon log. */
  public Path logFile() {
    return home.resolve("logs").resolve("daemon-" + LocalDate.now() + ".log");
  }

  /** Starts the daemon and waits for it to announce itself. */
  public DaemonInfo start() {
    Path log = logFile();
    PrivateFiles.createDirectories(log.getParent());
    PrivateFiles.writeIfAbsent(log, "");
    long logStart = size(log);
    ProcessBuilder builder =
        new ProcessBuilder(command())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .redirectErrorStream(true);
    DaemonJvm.ENVIRONMENT.forEach(builder.environment()::putIfAbsent);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new CliException(
          "cannot start the daemon: " + e.getMessage(),
          "run it in the foreground to see why:" + " localgpt daemon start -f",
          ExitCodes.GENERAL);
    }
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    PidFile pidFile = PidFile.in(home);
    while (System.nanoTime() < deadline) {
      Optional<DaemonInfo> info = pidFile.running().filter(i -> ours(process, i.pid()));
      if (info.isPresent()) {
        return info.get();
      }
      if (!process.isAlive()) {
        throw new CliException(
            "the daemon stopped at start (exit code "
                + process.exitValue()
                + "): "
                + lastLines(log, logStart),
            "the whole log: " + log,
            ExitCodes.GENERAL);
      }
      sleep(50);
    }
    throw new CliException(
        "the daemon did not announce itself within "
            + START_TIMEOUT.toSeconds()
            + " s (pid "
            + process.pid()
            + ")",
        "see " + log,
        ExitCodes.GENERAL);
  }

  /** The command line of the background daemon. */
  List<String> command() {
    List<String> cmd = new ArrayList<>();
    Path setsid = Path.of("/usr/bin/setsid");
    if (Files.isExecutable(setsid)) {
      cmd.add(setsid.toString());
    }
    cmd.add(
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    cmd.addAll(jvmOptions(ManagementFactory.getRuntimeMXBean().getInputArguments()));
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(MAIN);
    configFile.ifPresent(
        f -> {
          cmd.add("--config");
          cmd.add(f.toString());
        });
    cmd.addAll(List.of("daemon", "start", "--foreground"));
    return cmd;
  }

  /**
   * The daemon's JVM options from this JVM's: without a debugger agent, AOT training and the
   * launcher's C1-only setting for short commands (the daemon runs long: it wants the full JIT),
   * plus {@link #JVM_OPTIONS} that the user did not set.
   */
  static List<String> jvmOptions(List<String> inherited) {
    List<String> options = new ArrayList<>();
    for (String arg : inherited) {
      if (!arg.startsWith("-agentlib:jdwp")
          && !arg.startsWith("-XX:AOTCacheOutput")
          && !arg.startsWith("-XX:AOTMode")
          && !arg.startsWith("-XX:TieredStopAtLevel")) {
        options.add(arg);
      }
    }
    return DaemonJvm.withDefaults(options);
  }

  private static boolean ours(Process process, long pid) {
    return process.pid() == pid || process.descendants().anyMatch(p -> p.pid() == pid);
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }

  private static String lastLines(Path log, long from) {
    try {
      byte[] all = Files.readAllBytes(log);
      String text =
          new String(
                  all,
                  (int) Math.min(from, all.length),
                  (int) Math.max(0, all.length - from),
                  StandardCharsets.UTF_8)
              .strip();
      List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
      for (int i = lines.size() - 1; i >= 0; i--) {
        if (lines.get(i).startsWith("error:")) {
          return lines.get(i).substring("error:".length()).strip();
        }
      }
      return lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1);
    } catch (IOException e) {
      return "(cannot read " + log + ")";
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException(
          "interrupted while starting the daemon",
          "see the daemon log under <home>/logs",
          ExitCodes.GENERAL);
    }
  }
}

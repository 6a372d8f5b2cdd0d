package dev.localgpt.cli.commands;

import com.google.inject.Inject;
import com.google.inject.Provider;
import dev.localgpt.app.heartbeat.HeartbeatJson;
import dev.localgpt.app.heartbeat.JsonlHeartbeatLog;
import dev.localgpt.cli.CliContext;
import dev.localgpt.cli.ExitCodes;
import dev.localgpt.core.config.Durations;
import dev.localgpt.core.heartbeat.HeartbeatLogEntry;
import dev.localgpt.core.heartbeat.HeartbeatOutcome;
import dev.localgpt.core.heartbeat.HeartbeatService;
import dev.localgpt.core.heartbeat.HeartbeatStatus;
import dev.localgpt.core.workspace.LocalGptHome;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code localgpt heartbeat run | status [--json] | log [-n N] [--json]}. */
@Command(
    name = "heartbeat",
    mixinStandardHelpOptions = true,
    description = "Work through HEARTBEAT.md now, or show the heartbeat's schedule and run log.")
public final class HeartbeatCommand implements Runnable {
  @Inject private CliContext context;
  @Inject private Provider<HeartbeatService> heartbeat;
  @Inject private Provider<LocalGptHome> home;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "missing subcommand: run, status or log");
  }

  @Command(
      name = "run",
      mixinStandardHelpOptions = true,
      description =
          "One heartbeat now, whatever the interval and active hours "
              + "(never when heartbeat.enabled = false). Exit 3 when the run failed or timed out.")
  int runOnce() {
    return report(context, heartbeat.get().runOnce());
  }

  /**
   * Prints what a run did (the alert, {@code HEARTBEAT_OK: nothing to report} or {@code skipped:
   * reason}; failures on stderr) and returns the exit code: {@link ExitCodes#PROVIDER} when it
   * failed or timed out. Also used by {@code localgpt daemon heartbeat}.
   */
  static int report(CliContext context, HeartbeatOutcome outcome) {
    PrintWriter out = context.out();
    HeartbeatLogEntry entry = HeartbeatLogEntry.of(outcome);
    switch (outcome) {
      case HeartbeatOutcome.Ran ran when ran.alert().isEmpty() ->
          out.printf(
              "HEARTBEAT_OK: nothing to report (%s, %d tokens, %s)%n",
              ran.model(), ran.tokens(), seconds(entry));
      case HeartbeatOutcome.Ran ran ->
          out.printf(
              "%s (%s, %d tokens, %s)%n%s%n",
              ran.duplicate() ? "Alert (already reported in the last 24 h)" : "Alert",
              ran.model(),
              ran.tokens(),
              seconds(entry),
              ran.alert().get());
      case HeartbeatOutcome.Skipped skipped ->
          out.printf(
              "skipped: %s (%s)%s%n",
              skipped.reason().code(),
              skipped.reason().description(),
              skipped.detail().isEmpty() ? "" : "; " + skipped.detail());
      case HeartbeatOutcome.Failed failed ->
          context.err().printf("heartbeat failed (%s): %s%n", failed.model(), failed.error());
      case HeartbeatOutcome.TimedOut timedOut ->
          context
              .err()
              .printf(
                  "heartbeat timed out after %s (%s); raise heartbeat.timeout%n",
                  Durations.format(timedOut.timeout()), timedOut.model());
    }
    return outcome instanceof HeartbeatOutcome.Failed
            || outcome instanceof HeartbeatOutcome.TimedOut
        ? ExitCodes.PROVIDER
        : ExitCodes.OK;
  }

  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description = "Enabled, next run, last runs, last alert, budget left.")
  int status(@Option(names = "--json", description = "Print JSON.") boolean json) {
    HeartbeatStatus status = heartbeat.get().status(5);
    if (json) {
      context.printJson(HeartbeatJson.status(status));
      return ExitCodes.OK;
    }
    PrintWriter out = context.out();
    out.printf("enabled:      %s%n", status.enabled() ? "yes" : "no (heartbeat.enabled = false)");
    out.printf(
        "interval:     %s, active %s%n", Durations.format(status.interval()), status.activeHours());
    out.printf("model:        %s%n", status.model());
    out.printf(
        "next run:     %s%n",
        status
            .nextDue()
            .map(Object::toString)
            .orElse("when the daemon starts ('localgpt heartbeat run' runs one now)"));
    out.printf(
        "budget:       %s%n",
        status.budgetLeft().map(left -> left + " tokens left today").orElse("unlimited")
            + " ("
            + status.tokensToday()
            + " used today)");
    out.printf(
        "last alert:   %s%n",
        status.lastAlert().map(a -> a.at() + "  " + a.text()).orElse("none in 24 h"));
    out.println("last runs:");
    printEntries(status.recent());
    return ExitCodes.OK;
  }

  @Command(
      name = "log",
      mixinStandardHelpOptions = true,
      description = "The last entries of logs/heartbeat.jsonl, oldest first.")
  int log(
      @Option(
              names = {"-n", "--lines"},
              defaultValue = "20",
              description = "How many (default 20).")
          int n,
      @Option(names = "--json", description = "Print JSON Lines.") boolean json) {
    List<HeartbeatLogEntry> entries =
        JsonlHeartbeatLog.in(home.get().logsDir()).recent(Math.max(0, n));
    if (json) {
      List<Object> rows = new ArrayList<>();
      entries.forEach(e -> rows.add(JsonlHeartbeatLog.toJson(e)));
      context.printJson(rows);
    } else {
      printEntries(entries);
    }
    return ExitCodes.OK;
  }

  private void printEntries(List<HeartbeatLogEntry> entries) {
    if (entries.isEmpty()) {
      context.out().println("  no heartbeat has run yet");
    }
    for (HeartbeatLogEntry e : entries) {
      context
          .out()
          .printf(
              "  %s  %-9s %s%s%s%n",
              e.time().toString(),
              e.status(),
              e.reason(),
              e.model().isEmpty() ? "" : "  " + e.model() + " " + e.tokens() + " tok " + seconds(e),
              e.preview().isEmpty() || e.preview().equals(e.reason()) ? "" : "  " + e.preview());
    }
  }

  private static String seconds(HeartbeatLogEntry e) {
    return String.format("%.1fs", e.durationMs() / 1000.0);
  }
}

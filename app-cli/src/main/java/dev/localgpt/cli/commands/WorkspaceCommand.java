package dev.localgpt.cli.commands;

import com.google.inject.Inject;
import com.google.inject.Provider;
import dev.localgpt.app.wiring.Components;
import dev.localgpt.app.wiring.MemoryComponents;
import dev.localgpt.cli.CliContext;
import dev.localgpt.cli.ExitCodes;
import dev.localgpt.core.config.LocalGptConfig;
import dev.localgpt.core.memory.MemoryFiles;
import dev.localgpt.core.workspace.HomeLayout;
import dev.localgpt.core.workspace.LocalGptHome;
import dev.localgpt.core.workspace.Workspace;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code localgpt workspace init|status}. */
@Command(
    name = "workspace",
    description = "Create and inspect the Markdown workspace.",
    mixinStandardHelpOptions = true)
public final class WorkspaceCommand implements Runnable {
  @Inject private CliContext context;
  @Inject private Provider<LocalGptHome> home;
  @Inject private Provider<Workspace> workspace;
  @Inject private Provider<LocalGptConfig> config;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "missing subcommand: init or status");
  }

  @Command(
      name = "init",
      mixinStandardHelpOptions = true,
      description = "Create the home and the workspace with its templates; never overwrites.")
  int init() {
    Components.requireWorkspaceFolder(home.get(), config.get());
    HomeLayout.create(home.get());
    Workspace workspace = this.workspace.get();
    Workspace.InitResult result = workspace.init();
    if (result.created().isEmpty()) {
      context.out().println("workspace " + workspace.root() + " is complete; nothing to create");
    } else {
      context
          .out()
          .println(
              "workspace " + workspace.root() + ": created " + String.join(", ", result.created()));
    }
    return ExitCodes.OK;
  }

  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description = "Show where things are and what is missing.")
  int status(@Option(names = "--json", description = "Print JSON.") boolean json) {
    LocalGptHome home = this.home.get();
    Workspace.Status status = workspace.get().status();
    MemoryFiles.Census notes = MemoryFiles.census(MemoryComponents.roots(config.get().memory()));
    if (json) {
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("home", home.root().toString());
      data.put("config", home.configFile().toString());
      data.put("workspace", status.root().toString());
      data.put("exists", status.exists());
      data.put("complete", status.complete());
      data.put("missing", status.missing());
      data.put("markdown_files", notes.notes());
      data.put("daily_notes", notes.dailyNotes());
      context.printJson(data);
    } else {
      context.out().println("home:       " + home.root());
      context.out().println("config:     " + home.configFile());
      context
          .out()
          .println("workspace:  " + status.root() + (status.exists() ? "" : " (not created yet)"));
      context
          .out()
          .println(
              "files:      "
                  + notes.notes()
                  + " notes to index, "
                  + notes.dailyNotes()
                  + " daily notes");
      context
          .out()
          .println(
              "missing:    "
                  + (status.missing().isEmpty()
                      ? "nothing"
                      : String.join(", ", status.missing()) + " (run 'localgpt workspace init')"));
    }
    return ExitCodes.OK;
  }
}

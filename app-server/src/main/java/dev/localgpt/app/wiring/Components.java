package dev.localgpt.app.wiring;

import dev.localgpt.app.config.TomlConfigLoader;
import dev.localgpt.core.config.ConfigException;
import dev.localgpt.core.config.ConfigProblem;
import dev.localgpt.core.config.LocalGptConfig;
import dev.localgpt.core.workspace.HomeLayout;
import dev.localgpt.core.workspace.LocalGptHome;
import dev.localgpt.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Plain factories for the parts that both the Guice modules and the library builder need. No Guice
 * here: the modules' {@code @Provides} methods and {@link dev.localgpt.LocalGpt.Builder#build()}
 * call these, so there is one wiring.
 */
public final class Components {
  private Components() {}

  /**
   * The home: explicit, else from the environment; the config file: explicit, else from the
   * environment.
   */
  public static LocalGptHome home(WiringOptions options) {
    Map<String, String> env = new HashMap<>(options.env());
    options.home().ifPresent(dir -> env.put(LocalGptHome.HOME_VARIABLE, dir.toString()));
    if (options.home().isPresent() && options.configFile().isEmpty()) {
      env.remove(LocalGptHome.CONFIG_VARIABLE);
    }
    return LocalGptHome.resolve(env, options.configFile().orElse(null));
  }

  /**
   * Loads and validates the config.
   *
   * @throws dev.localgpt.core.config.ConfigException with every problem found
   */
  public static LocalGptConfig config(LocalGptHome home, WiringOptions options) {
    return new TomlConfigLoader(home, options.env()).load();
  }

  /**
   * First-run set-up, safe to repeat: creates the home's directories and whatever workspace files
   * and folders are missing (never overwriting one). Everything that reads or indexes the workspace
   * calls this first.
   */
  public static Workspace prepare(LocalGptHome home, LocalGptConfig config) {
    requireWorkspaceFolder(home, config);
    HomeLayout.create(home);
    Workspace workspace = workspace(config);
    workspace.init();
    return workspace;
  }

  /**
   * Fails when the configured workspace exists but is not a folder.
   *
   * @throws ConfigException naming {@code memory.workspace} and the fix
   */
  public static void requireWorkspaceFolder(LocalGptHome home, LocalGptConfig config) {
    Path root = config.memory().workspace();
    if (Files.exists(root) && !Files.isDirectory(root)) {
      throw new ConfigException(
          new ConfigProblem(
              home.configFile().getFileName().toString(),
              0,
              "memory.workspace",
              "is a file, not a folder: " + root,
              "point memory.workspace (or LOCALGPT_WORKSPACE) at a folder, "
                  + "or move the file aside"));
    }
  }

  /** The workspace named by the config (not created yet: call {@link Workspace#init()}). */
  public static Workspace workspace(LocalGptConfig config) {
    return new Workspace(config.memory().workspace());
  }
}

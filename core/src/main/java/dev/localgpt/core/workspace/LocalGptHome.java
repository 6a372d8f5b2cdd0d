package dev.localgpt.core.workspace;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The LocalGPT home directory ({@code LOCALGPT_HOME}, default {@code ~/.localgpt}) and where things
 * live in it: {@code config.toml}, {@code workspace/}, {@code data/}, {@code sessions/}, {@code
 * logs/}.
 *
 * @param root the home directory (absolute, normalised)
 * @param configFile the config file in use: {@code -c FILE}, else {@code LOCALGPT_CONFIG}, else
 *     {@code <root>/config.toml}
 */
public record LocalGptHome(Path root, Path configFile) {
  public static final String HOME_VARIABLE = "LOCALGPT_HOME";
  public static final String CONFIG_VARIABLE = "LOCALGPT_CONFIG";

  public LocalGptHome {
    root = Objects.requireNonNull(root, "'root' must not be null").toAbsolutePath().normalize();
    configFile =
        Objects.requireNonNull(configFile, "'configFile' must not be null")
            .toAbsolutePath()
            .normalize();
  }

  /** A home at {@code root} with its own {@code config.toml}. */
  public static LocalGptHome at(Path root) {
    return new LocalGptHome(root, root.resolve("config.toml"));
  }

  /**
   * Resolves the home from the environment.
   *
   * @param env the process environment (a parameter so tests can pass their own)
   * @param configOverride the {@code -c/--config} file, or {@code null}
   */
  public static LocalGptHome resolve(Map<String, String> env, Path configOverride) {
    String homeValue = env.get(HOME_VARIABLE);
    Path root =
        homeValue == null || homeValue.isBlank()
            ? userHome(env).resolve(".localgpt")
            : expandTilde(homeValue, env);
    Path config;
    if (configOverride != null) {
      config = configOverride;
    } else if (env.get(CONFIG_VARIABLE) != null && !env.get(CONFIG_VARIABLE).isBlank()) {
      config = expandTilde(env.get(CONFIG_VARIABLE), env);
    } else {
      config = root.resolve("config.toml");
    }
    return new LocalGptHome(root, config);
  }

  /** The user's home: {@code HOME} from the environment, else the JVM's {@code user.home}. */
  public static Path userHome(Map<String, String> env) {
    String home = env.get("HOME");
    return Path.of(home == null || home.isBlank() ? System.getProperty("user.home") : home);
  }

  /** Expands a leading {@code ~} or {@code ~/} to the user's home. */
  public static Path expandTilde(String path, Map<String, String> env) {
    String value = path.strip();
    if (value.equals("~")) {
      return userHome(env);
    }
    if (value.startsWith("~/")) {
      return userHome(env).resolve(value.substring(2));
    }
    return Path.of(value);
  }

  public Path defaultWorkspace() {
    return root.resolve("workspace");
  }

  public Path dataDir() {
    return root.resolve("data");
  }

  public Path sessionsDir() {
    return root.resolve("sessions");
  }

  public Path logsDir() {
    return root.resolve("logs");
  }

  /** The directories a home has besides the workspace: data, sessions, logs. */
  public List<Path> stateDirs() {
    return List.of(dataDir(), sessionsDir(), logsDir());
  }
}

package dev.localgpt.app.wiring;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the apps pass to the wiring.
 *
 * @param env the process environment (tests pass their own)
 * @param home an explicit home directory; empty = {@code LOCALGPT_HOME} or {@code ~/.localgpt}
 * @param configFile an explicit config file ({@code -c}); empty = {@code LOCALGPT_CONFIG} or {@code
 *     <home>/config.toml}
 * @param prepare whether opening memory first creates the missing home directories and workspace
 *     templates
 */
public record WiringOptions(
    Map<String, String> env, Optional<Path> home, Optional<Path> configFile, boolean prepare) {
  public WiringOptions {
    env = Map.copyOf(Objects.requireNonNull(env, "'env' must not be null"));
    Objects.requireNonNull(home, "'home' must not be null");
    Objects.requireNonNull(configFile, "'configFile' must not be null");
  }

  /** Options that prepare the home on first use. */
  public WiringOptions(Map<String, String> env, Optional<Path> home, Optional<Path> configFile) {
    this(env, home, configFile, true);
  }

  public static WiringOptions of(Map<String, String> env) {
    return new WiringOptions(env, Optional.empty(), Optional.empty());
  }

  public WiringOptions withConfigFile(Path file) {
    return new WiringOptions(env, home, Optional.ofNullable(file), prepare);
  }

  public WiringOptions withHome(Path dir) {
    return new WiringOptions(env, Optional.ofNullable(dir), configFile, prepare);
  }

  public WiringOptions withPrepare(boolean prepareHome) {
    return new WiringOptions(env, home, configFile, prepareHome);
  }
}

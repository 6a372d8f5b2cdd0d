package dev.localgpt.app.config;

import dev.localgpt.core.config.ConfigException;
import dev.localgpt.core.config.ConfigKey;
import dev.localgpt.core.config.ConfigProblem;
import dev.localgpt.core.config.ConfigSchema;
import dev.localgpt.core.workspace.LocalGptHome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code config set}: changes one key of {@code config.toml}, keeping every other line and comment;
 * checks the whole result before writing; writes atomically with mode 0600.
 */
public final class TomlConfigEditor {
  private final LocalGptHome home;
  private final Map<String, String> env;

  public TomlConfigEditor(LocalGptHome home, Map<String, String> env) {
    this.home = home;
    this.env = Map.copyOf(env);
  }

  /**
   * Sets {@code key} to {@code value} and writes the file.
   *
   * @return the new file text
   * @throws ConfigException for an unknown key, a malformed value, or a result that would not load
   */
  public String set(String key, String value) {
    Path file = home.configFile();
    String fileName = file.getFileName().toString();
    ConfigKey configKey =
        ConfigSchema.find(key)
            .orElseThrow(
                () ->
                    new ConfigException(
                        new ConfigProblem(
                            fileName,
                            0,
                            key,
                            "unknown key",
                            ConfigSchema.suggest(key)
                                .map(s -> "did you mean '" + s + "'?")
                                .orElse("see 'localgpt config show'"))));
    String tomlValue;
    try {
      tomlValue = TomlValues.format(configKey, value);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(new ConfigProblem(fileName, 0, key, e.getMessage(), ""));
    }
    String updated = TomlLineEdit.set(read(file), key, tomlValue);
    try {
      new TomlConfigLoader(home, env).load(updated, fileName);
    } catch (ConfigException e) {
      ConfigProblem syntax =
          e.problems().stream().filter(p -> p.key().isEmpty()).findFirst().orElse(null);
      if (syntax == null) {
        throw e;
      }
      throw new ConfigException(
          new ConfigProblem(
              fileName,
              0,
              key,
              "cannot be changed by a line edit (the result would not parse: "
                  + syntax.problem()
                  + ")",
              "edit " + file + " by hand; the key may be inside an inline table"));
    }
    ConfigFiles.writePrivate(file, updated);
    return updated;
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file) : "";
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}

package dev.localgpt.app.config;

import dev.localgpt.core.config.ConfigBinder;
import dev.localgpt.core.config.ConfigException;
import dev.localgpt.core.config.ConfigProblem;
import dev.localgpt.core.config.ConfigSchema;
import dev.localgpt.core.config.ConfigSource;
import dev.localgpt.core.config.LocalGptConfig;
import dev.localgpt.core.workspace.LocalGptHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tomlj.Toml;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;

/**
 * Loads {@code config.toml} into a {@link LocalGptConfig}. A missing file means "all defaults".
 * Syntax errors, unknown keys (with the nearest valid key suggested), wrong types and invalid
 * values are all collected and thrown together as one {@link ConfigException}. Sections of the Rust
 * LocalGPT that we do not use are ignored silently.
 */
public final class TomlConfigLoader {
  private final LocalGptHome home;
  private final Map<String, String> env;

  public TomlConfigLoader(LocalGptHome home, Map<String, String> env) {
    this.home = home;
    this.env = Map.copyOf(env);
  }

  /** Loads the home's config file, or the defaults when it does not exist. */
  public LocalGptConfig load() {
    Path file = home.configFile();
    if (!Files.exists(file)) {
      return new ConfigBinder(home, env).bind(ConfigSource.empty(file.getFileName().toString()));
    }
    String text;
    try {
      text = ConfigText.decode(file.getFileName().toString(), Files.readAllBytes(file));
    } catch (IOException e) {
      throw new ConfigException(
          new ConfigProblem(
              file.toString(),
              0,
              "",
              "cannot read the file: " + e.getMessage(),
              "check that it exists and is readable"));
    }
    return load(text, file.getFileName().toString());
  }

  /** Loads from TOML text; {@code fileName} is used in messages. */
  public LocalGptConfig load(String text, String fileName) {
    TomlParseResult toml = Toml.parse(text);
    if (toml.hasErrors()) {
      throw new ConfigException(
          toml.errors().stream().map(error -> syntaxProblem(fileName, error)).toList());
    }
    List<ConfigProblem> problems = new ArrayList<>(unknownKeys(fileName, toml));
    try {
      LocalGptConfig config =
          new ConfigBinder(home, env).bind(new TomlConfigSource(fileName, toml));
      if (problems.isEmpty()) {
        return config;
      }
    } catch (ConfigException e) {
      problems.addAll(e.problems());
    }
    problems.sort(Comparator.comparingInt(ConfigProblem::line));
    throw new ConfigException(problems);
  }

  private static ConfigProblem syntaxProblem(String fileName, TomlParseError error) {
    String message = error.getMessage();
    int column = error.position() == null ? 0 : error.position().column();
    int line = error.position() == null ? 0 : error.position().line();
    return new ConfigProblem(
        fileName,
        line,
        "",
        "TOML syntax error" + (column > 0 ? " at column " + column : "") + ": " + message,
        "see https://toml.io for the syntax");
  }

  /**
   * Keys we neither read nor knowingly ignore; only the outermost unknown key of a table is
   * reported.
   */
  private static List<ConfigProblem> unknownKeys(String fileName, TomlParseResult toml) {
    List<ConfigProblem> problems = new ArrayList<>();
    List<String> reported = new ArrayList<>();
    for (String key : toml.dottedKeySet(true)) {
      if (ConfigSchema.isKnown(key)
          || reported.stream().anyMatch(parent -> key.startsWith(parent + "."))
          || isInsideIgnoredOrValue(key)) {
        continue;
      }
      reported.add(key);
      Optional<String> suggestion = ConfigSchema.suggest(key);
      String fix =
          suggestion
              .map(s -> "did you mean '" + s + "'?")
              .orElse("remove it; see 'localgpt config show' for the valid keys");
      int line =
          toml.inputPositionOf(List.of(key.split("\\."))) == null
              ? 0
              : toml.inputPositionOf(List.of(key.split("\\."))).line();
      problems.add(new ConfigProblem(fileName, line, key, "unknown key", fix));
    }
    return problems;
  }

  /**
   * Sub-keys of a known key whose value is itself a table (there are none today) are not reported
   * twice.
   */
  private static boolean isInsideIgnoredOrValue(String key) {
    int dot = key.lastIndexOf('.');
    return dot > 0 && ConfigSchema.find(key.substring(0, dot)).isPresent();
  }
}

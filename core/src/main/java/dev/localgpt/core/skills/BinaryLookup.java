package dev.localgpt.core.skills;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Answers whether a program is installed, as {@code which} would; injectable so tests need no real
 * PATH.
 */
@FunctionalInterface
public interface BinaryLookup {

  /** Whether {@code name} is an executable program. */
  boolean exists(String name);

  /**
   * Looks in the directories of a {@code PATH}-style value (also tries {@code .exe}/{@code .cmd} on
   * Windows).
   */
  static BinaryLookup onPath(String pathValue) {
    List<Path> dirs =
        pathValue == null
            ? List.of()
            : java.util.Arrays.stream(pathValue.split(File.pathSeparator))
                .filter(s -> !s.isBlank())
                .map(Path::of)
                .toList();
    boolean windows = File.separatorChar == '\\';
    return name -> {
      if (name.isBlank() || name.contains("/") || name.contains("\\")) {
        return false;
      }
      for (Path dir : dirs) {
        for (String candidate :
            windows ? List.of(name, name + ".exe", name + ".cmd") : List.of(name)) {
          Path file = dir.resolve(candidate);
          if (Files.isRegularFile(file) && Files.isExecutable(file)) {
            return true;
          }
        }
      }
      return false;
    };
  }

  /** Looks on the {@code PATH} of the given environment. */
  static BinaryLookup fromEnvironment(Map<String, String> env) {
    return onPath(env.getOrDefault("PATH", ""));
  }
}

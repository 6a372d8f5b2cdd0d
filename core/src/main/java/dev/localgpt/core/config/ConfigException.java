package dev.localgpt.core.config;

import java.util.List;
import java.util.stream.Collectors;

/** The configuration is invalid; holds every problem found, not only the first. */
public class ConfigException extends RuntimeException {
  private final List<ConfigProblem> problems;

  public ConfigException(List<ConfigProblem> problems) {
    super(problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n")));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("'problems' must not be empty");
    }
    this.problems = List.copyOf(problems);
  }

  public ConfigException(ConfigProblem problem) {
    this(List.of(problem));
  }

  /** Every problem, in file order where known. */
  public List<ConfigProblem> problems() {
    return problems;
  }
}

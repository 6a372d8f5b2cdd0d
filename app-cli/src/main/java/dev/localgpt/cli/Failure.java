package dev.localgpt.cli;

import java.util.List;
import java.util.Objects;

/**
 * What the user is told about a failure.
 *
 * @param problem the {@code error:} line, then any detail lines (e.g. one per config problem)
 * @param hint what to do about it; empty for none
 * @param exitCode see {@link ExitCodes}
 */
public record Failure(List<String> problem, String hint, int exitCode) {
  public Failure {
    problem = List.copyOf(problem);
    if (problem.isEmpty()) {
      throw new IllegalArgumentException("'problem' must not be empty");
    }
    hint = Objects.requireNonNullElse(hint, "");
  }

  static Failure of(String problem, String hint, int exitCode) {
    return new Failure(List.of(problem), hint, exitCode);
  }
}

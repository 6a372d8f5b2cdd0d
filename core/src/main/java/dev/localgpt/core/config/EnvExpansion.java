package dev.localgpt.core.config;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whole-value environment references in secret fields: a value that is exactly {@code ${VAR}} or
 * {@code $VAR} is replaced by the variable's value. There is no substring interpolation.
 */
public final class EnvExpansion {
  private static final Pattern REFERENCE =
      Pattern.compile("\\$(?:\\{([A-Za-z_][A-Za-z0-9_]*)}|([A-Za-z_][A-Za-z0-9_]*))");

  private EnvExpansion() {}

  /** The variable named by a whole-value reference, if {@code value} is one. */
  public static Optional<String> referencedVariable(String value) {
    Matcher matcher = REFERENCE.matcher(value.strip());
    if (!matcher.matches()) {
      return Optional.empty();
    }
    return Optional.of(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
  }

  /**
   * Expands a whole-value reference. Returns empty when the value is a reference to an unset or
   * blank variable, the value itself when it is not a reference.
   */
  public static Optional<String> expand(String value, Map<String, String> env) {
    Optional<String> variable = referencedVariable(value);
    if (variable.isEmpty()) {
      return Optional.of(value);
    }
    String resolved = env.get(variable.get());
    return resolved == null || resolved.isBlank() ? Optional.empty() : Optional.of(resolved);
  }
}

package dev.localgpt.core.skills;

/**
 * How serious a finding of {@code skills check} or {@code security audit} is; HIGH makes the
 * command fail.
 */
public enum Severity {
  LOW,
  MEDIUM,
  HIGH;

  /** The lower-case name for output. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}

package dev.localgpt.core.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations written as concatenated {@code <n><s|m|h|d>} groups: {@code 90s}, {@code 30m}, {@code
 * 2h30m}, {@code 1d}.
 */
public final class Durations {
  private static final Pattern GROUP = Pattern.compile("(\\d+)([smhd])");

  private Durations() {}

  /**
   * Parses a duration.
   *
   * @throws IllegalArgumentException for a bare number, a trailing number, an unknown unit or a
   *     zero total
   */
  public static Duration parse(String text) {
    String value = text == null ? "" : text.strip();
    if (value.isEmpty()) {
      throw new IllegalArgumentException("empty duration");
    }
    Matcher matcher = GROUP.matcher(value);
    Duration total = Duration.ZERO;
    int end = 0;
    while (matcher.find() && matcher.start() == end) {
      long amount;
      try {
        amount = Long.parseLong(matcher.group(1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("number too large in duration '" + value + "'");
      }
      total =
          total.plus(
              switch (matcher.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
              });
      end = matcher.end();
    }
    if (end != value.length()) {
      throw new IllegalArgumentException("'" + value + "' is not a duration");
    }
    if (total.isZero()) {
      throw new IllegalArgumentException("duration '" + value + "' is zero");
    }
    return total;
  }

  /** The shortest text that {@link #parse} reads back as the same duration (whole seconds). */
  public static String format(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds <= 0) {
      return "0s";
    }
    StringBuilder text = new StringBuilder();
    long[] sizes = {86_400, 3_600, 60, 1};
    String[] units = {"d", "h", "m", "s"};
    for (int i = 0; i < sizes.length; i++) {
      if (seconds >= sizes[i]) {
        text.append(seconds / sizes[i]).append(units[i]);
        seconds %= sizes[i];
      }
    }
    return text.toString();
  }
}

package dev.localgpt.core.config;

import java.time.LocalTime;
import java.util.Objects;

/**
 * The daily window in which heartbeats may run: {@code start} inclusive, {@code end} exclusive. The
 * end may be written {@code 24:00} (end of day), held as {@link LocalTime#MAX}. A window whose end
 * is before its start wraps past midnight ({@code 22:00}–{@code 06:00}); {@code start == end} never
 * runs.
 */
public record ActiveHours(LocalTime start, LocalTime end) {
  public ActiveHours {
    Objects.requireNonNull(start, "'start' must not be null");
    Objects.requireNonNull(end, "'end' must not be null");
  }

  /** Whether {@code time} lies in the window. */
  public boolean contains(LocalTime time) {
    if (start.equals(end)) {
      return false;
    }
    if (start.isBefore(end)) {
      return !time.isBefore(start) && time.isBefore(end);
    }
    return !time.isBefore(start) || time.isBefore(end);
  }

  /** Parses {@code HH:MM}; {@code 24:00} only when {@code allowEndOfDay}. */
  public static LocalTime parseTime(String text, boolean allowEndOfDay) {
    String value = text == null ? "" : text.strip();
    if (!value.matches("\\d{1,2}:\\d{2}")) {
      throw new IllegalArgumentException("'" + value + "' is not a time HH:MM");
    }
    int hours = Integer.parseInt(value.substring(0, value.indexOf(':')));
    int minutes = Integer.parseInt(value.substring(value.indexOf(':') + 1));
    if (hours == 24 && minutes == 0 && allowEndOfDay) {
      return LocalTime.MAX;
    }
    if (hours > 23 || minutes > 59) {
      throw new IllegalArgumentException("'" + value + "' is not a time of day");
    }
    return LocalTime.of(hours, minutes);
  }

  /** {@code HH:MM}, with {@code 24:00} for the end of day. */
  public static String formatTime(LocalTime time) {
    if (time.equals(LocalTime.MAX)) {
      return "24:00";
    }
    return String.format("%02d:%02d", time.getHour(), time.getMinute());
  }
}

package dev.localgpt.core.config;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed access to a {@link ConfigSource} that records a problem (and falls back) instead of failing
 * fast.
 */
final class ValueReader {
  private final ConfigSource source;
  private final List<ConfigProblem> problems = new ArrayList<>();

  ValueReader(ConfigSource source) {
    this.source = source;
  }

  List<ConfigProblem> problems() {
    return problems;
  }

  void problem(String key, String problem, String fix) {
    problems.add(new ConfigProblem(source.fileName(), source.line(key), key, problem, fix));
  }

  boolean has(String key) {
    return source.value(key).isPresent();
  }

  Optional<String> string(String key) {
    return typed(key, String.class, ValueType.STRING);
  }

  String string(String key, String fallback) {
    return string(key).orElse(fallback);
  }

  /** A string that must be one of {@code allowed}. */
  String choice(String key, List<String> allowed, String fallback) {
    Optional<String> value = string(key);
    if (value.isPresent() && !allowed.contains(value.get())) {
      problem(
          key, "unknown value '" + value.get() + "'", "use one of " + String.join(", ", allowed));
      return fallback;
    }
    return value.orElse(fallback);
  }

  long integer(String key, long fallback, long min, long max) {
    Optional<Long> value = typed(key, Long.class, ValueType.INTEGER);
    if (value.isPresent() && (value.get() < min || value.get() > max)) {
      String range = max >= Integer.MAX_VALUE ? ">= " + min : min + ".." + max;
      problem(key, "must be " + range + ", was " + value.get(), "use e.g. " + fallback);
      return fallback;
    }
    return value.orElse(fallback);
  }

  int integer(String key, int fallback, int min) {
    return (int) integer(key, fallback, min, Integer.MAX_VALUE);
  }

  double number(String key, double fallback, double min, double max) {
    Optional<Object> raw = source.value(key);
    if (raw.isEmpty()) {
      return fallback;
    }
    if (!(raw.get() instanceof Number number)) {
      wrongType(key, ValueType.FLOAT, raw.get());
      return fallback;
    }
    double value = number.doubleValue();
    if (!(value >= min && value <= max)) {
      String range = max == Double.MAX_VALUE ? ">= " + min : "between " + min + " and " + max;
      problem(key, "must be " + range + ", was " + value, "use e.g. " + fallback);
      return fallback;
    }
    return value;
  }

  boolean bool(String key, boolean fallback) {
    return typed(key, Boolean.class, ValueType.BOOLEAN).orElse(fallback);
  }

  Duration duration(String key, Duration fallback) {
    Optional<String> text = typed(key, String.class, ValueType.DURATION);
    if (text.isEmpty()) {
      return fallback;
    }
    try {
      return Durations.parse(text.get());
    } catch (IllegalArgumentException e) {
      problem(key, e.getMessage(), "write " + ValueType.DURATION.expected());
      return fallback;
    }
  }

  Optional<LocalTime> time(String key, boolean allowEndOfDay) {
    Optional<String> text = typed(key, String.class, ValueType.TIME);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(ActiveHours.parseTime(text.get(), allowEndOfDay));
    } catch (IllegalArgumentException e) {
      String range = allowEndOfDay ? "00:00 to 24:00" : "00:00 to 23:59";
      problem(key, e.getMessage(), "write a time \"HH:MM\" from " + range);
      return Optional.empty();
    }
  }

  List<String> strings(String key, List<String> fallback) {
    Optional<Object> raw = source.value(key);
    if (raw.isEmpty()) {
      return fallback;
    }
    if (!(raw.get() instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
      wrongType(key, ValueType.STRING_LIST, raw.get());
      return fallback;
    }
    return list.stream().map(String.class::cast).toList();
  }

  /** A list of tables; each table is a map from key to raw value. */
  Optional<List<Map<?, ?>>> tables(String key) {
    Optional<Object> raw = source.value(key);
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    if (!(raw.get() instanceof List<?> list) || !list.stream().allMatch(Map.class::isInstance)) {
      wrongType(key, ValueType.TABLE_LIST, raw.get());
      return Optional.empty();
    }
    return Optional.of(list.stream().<Map<?, ?>>map(item -> (Map<?, ?>) item).toList());
  }

  private <T> Optional<T> typed(String key, Class<T> type, ValueType expected) {
    Optional<Object> raw = source.value(key);
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    if (!type.isInstance(raw.get())) {
      wrongType(key, expected, raw.get());
      return Optional.empty();
    }
    return Optional.of(type.cast(raw.get()));
  }

  private void wrongType(String key, ValueType expected, Object actual) {
    problem(key, "expected " + expected.expected() + ", got " + describe(actual), "");
  }

  static String describe(Object value) {
    return switch (value) {
      case String s -> "the string \"" + s + "\"";
      case Long l -> "the integer " + l;
      case Double d -> "the number " + d;
      case Boolean b -> "the boolean " + b;
      case List<?> l -> "a list";
      case Map<?, ?> m -> "a table";
      default -> "a " + value.getClass().getSimpleName();
    };
  }
}

package dev.localgpt.ports.json;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A JSON number, held exactly. Equal numbers are equal values whatever their scale ({@code 1},
 * {@code 1.0} and {@code 1e0} are one value): the decimal is kept without trailing zeros.
 */
public record JsonNumber(BigDecimal value) implements JsonValue {
  public JsonNumber {
    Objects.requireNonNull(value, "'value' must not be null");
    value = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
  }

  /**
   * @throws IllegalArgumentException for NaN or an infinity, which JSON cannot hold
   */
  public static JsonNumber of(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("a JSON number must be finite, was " + value);
    }
    return new JsonNumber(BigDecimal.valueOf(value));
  }

  /** Whether this is a whole number that fits a {@code long}. */
  public boolean isLong() {
    if (value.scale() > 0) {
      return false;
    }
    try {
      value.longValueExact();
      return true;
    } catch (ArithmeticException e) {
      return false;
    }
  }

  /**
   * The value as a {@code long}. @throws ArithmeticException when it is not {@link #isLong() a
   * whole long}
   */
  public long longValue() {
    return value.longValueExact();
  }

  public double doubleValue() {
    return value.doubleValue();
  }

  @Override
  public String toString() {
    return isLong() ? Long.toString(value.longValueExact()) : value.toString();
  }
}

package io.vaar.transforms.data;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads one cell as a number the way R's {@code write.csv} output is meant: empty cells,
 * {@code NA} and {@code NaN} (any case) are missing and become {@code NaN}; anything else must
 * be a plain decimal number. Java's own forms ({@code Infinity}, hex floats, a trailing
 * {@code d}) are rejected, since in a data file they are more likely mistakes than values.
 */
final class NumericCell {

  private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  private NumericCell() {
  }

  /** The value, {@code NaN} when missing, or {@code null} when the text is not a number. */
  static Double parse(String cell) {
    String text = cell.trim();
    String lower = text.toLowerCase(Locale.ROOT);
    if (text.isEmpty() || lower.equals("na") || lower.equals("nan")) {
      return Double.NaN;
    }
    return DECIMAL.matcher(text).matches() ? Double.valueOf(text) : null;
  }
}

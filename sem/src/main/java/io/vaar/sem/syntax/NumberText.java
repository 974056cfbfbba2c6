package io.vaar.sem.syntax;

/**
 * Writes a number in an error message the way the user most likely typed it: {@code 1} rather
 * than Java's {@code 1.0}, so a message quotes the model back recognisably.
 */
final class NumberText {

  private NumberText() {
  }

  static String of(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return Double.toString(value);
  }
}

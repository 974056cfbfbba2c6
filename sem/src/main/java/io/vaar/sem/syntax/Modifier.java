package io.vaar.sem.syntax;

/**
 * What the model text says about one parameter in one group: a fixed value ({@code 1*x1}),
 * an explicit request to free it ({@code NA*x1}, which overrides lavaan's fixing of the first
 * loading), a label that equates parameters sharing it ({@code a*x2}) and a start value
 * ({@code start(0.5)*x}). Absent parts are {@code null} (or {@code false} for {@code free});
 * a chain such as {@code a*NA*x1} fills several parts of one modifier.
 *
 * @param fixed the value the parameter is fixed to, or {@code null}
 * @param free whether the parameter was explicitly freed with {@code NA}
 * @param label the equality label, or {@code null}
 * @param start the start value, or {@code null}
 */
public record Modifier(Double fixed, boolean free, String label, Double start) {

  /** A modifier that says nothing; chains of prefixes are merged into it one by one. */
  static final Modifier EMPTY = new Modifier(null, false, null, null);
}

package io.vaar.sem.syntax;

/**
 * A model text that is not valid lavaan syntax (or uses lavaan syntax vaar does not support).
 * The message is one line of the form {@code line 3, column 12: expected a variable name after
 * '+'}, and {@link #line()} and {@link #column()} give the same 1-based position so that an
 * editor or a report can point at the offending token.
 */
public final class ModelSyntaxException extends IllegalArgumentException {

  private final int line;
  private final int column;
  private final String detail;

  ModelSyntaxException(int line, int column, String detail) {
    super("line " + line + ", column " + column + ": " + detail);
    this.line = line;
    this.column = column;
    this.detail = detail;
  }

  /** The 1-based line of the offending token. */
  public int line() {
    return line;
  }

  /** The 1-based column of the offending token. */
  public int column() {
    return column;
  }

  /** What was expected, without the position prefix. */
  public String detail() {
    return detail;
  }
}

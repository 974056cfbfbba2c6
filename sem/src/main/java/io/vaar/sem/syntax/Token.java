package io.vaar.sem.syntax;

/**
 * One token of model text with its 1-based position. Tokens never span lines, so the column
 * just after the token is {@code column + text.length()}; a {@code PROBLEM} token carries the
 * message to report when the parser reaches it.
 *
 * @param kind what the token is
 * @param text the characters as written
 * @param line 1-based line
 * @param column 1-based column of the first character
 * @param problem the error message of a {@code PROBLEM} token, otherwise {@code null}
 */
record Token(TokenKind kind, String text, int line, int column, String problem) {

  Token(TokenKind kind, String text, int line, int column) {
    this(kind, text, line, column, null);
  }

  /** The column just after the token, where a missing continuation would have been. */
  int endColumn() {
    return column + text.length();
  }

  /** An error located at this token. */
  ModelSyntaxException error(String detail) {
    return new ModelSyntaxException(line, column, detail);
  }
}

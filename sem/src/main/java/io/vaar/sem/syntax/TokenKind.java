package io.vaar.sem.syntax;

/**
 * The kinds of token the tokenizer produces. {@code PROBLEM} marks text that cannot start any
 * valid token (an unknown character, an unsupported lavaan operator); it carries its own error
 * message and is reported only when the parser reaches it, so errors come out in text order.
 */
enum TokenKind {
  IDENTIFIER,
  NUMBER,
  PLUS,
  MINUS,
  STAR,
  OPEN_PAREN,
  CLOSE_PAREN,
  COMMA,
  MEASURED_BY,
  REGRESSION,
  COVARIANCE,
  LINE_BREAK,
  END,
  PROBLEM;

  /** Whether this kind is one of the supported formula operators. */
  boolean isOperator() {
    return this == MEASURED_BY || this == REGRESSION || this == COVARIANCE;
  }
}

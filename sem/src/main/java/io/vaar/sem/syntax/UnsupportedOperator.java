package io.vaar.sem.syntax;

/**
 * The lavaan operators vaar recognises but does not implement, with the name lavaan's manual
 * gives them and, where one exists, the supported way to say the same thing. Recognising them
 * (rather than reporting an unknown character) tells the user the model is valid lavaan that
 * vaar cannot fit, which is a different fix from a typo.
 */
enum UnsupportedOperator {
  // Longer symbols first: the tokenizer takes the first symbol that matches.
  SCALING("~*~", "scaling factors", ""),
  DEFINED(":=", "defined parameters", "; compute derived quantities from the estimates instead"),
  EQUALITY("==", "constraints", "; use a shared label such as a*x1 + a*x2 for equality"),
  FORMATIVE("<~", "formative indicators", ""),
  LESS_THAN("<", "inequality constraints", ""),
  GREATER_THAN(">", "inequality constraints", ""),
  THRESHOLD("|", "thresholds", "");

  private final String symbol;
  private final String meaning;
  private final String advice;

  UnsupportedOperator(String symbol, String meaning, String advice) {
    this.symbol = symbol;
    this.meaning = meaning;
    this.advice = advice;
  }

  String symbol() {
    return symbol;
  }

  String message() {
    return "the operator '" + symbol + "' (" + meaning + ") is not supported" + advice;
  }
}

package io.vaar.sem.syntax;

/**
 * The lavaan operators a {@link Statement} can carry: {@code =~} (a latent variable measured by
 * indicators), {@code ~} (regression), {@code ~~} (variance or covariance) and {@code ~1}
 * (intercept, written in the model as {@code y ~ 1}). Each knows the symbol lavaan prints for it,
 * so parameter tables can be compared with lavaan's {@code parTable()} output column by column.
 */
public enum Operator {
  MEASURED_BY("=~"),
  REGRESSION("~"),
  COVARIANCE("~~"),
  INTERCEPT("~1");

  private final String symbol;

  Operator(String symbol) {
    this.symbol = symbol;
  }

  /** The operator as lavaan writes it in a parameter table, e.g. {@code "=~"}. */
  public String symbol() {
    return symbol;
  }
}

package io.vaar.sem.syntax;

import java.util.List;
import java.util.Objects;

/**
 * One parsed formula with a single left-hand variable, such as {@code visual =~ x1 + x2 + x3}.
 * Formulas with several left-hand variables ({@code y1 + y2 ~ x}) and regressions that also
 * name an intercept ({@code y ~ 1 + x}) arrive already split into one statement per variable
 * and operator. The line is where the formula starts in the model text, for error messages
 * raised later about the statement's meaning.
 *
 * @param lhs the left-hand variable
 * @param op the operator
 * @param terms the right-hand terms, in the order written
 * @param line the 1-based line where the formula starts
 */
public record Statement(String lhs, Operator op, List<Term> terms, int line) {

  public Statement {
    Objects.requireNonNull(lhs, "lhs");
    Objects.requireNonNull(op, "op");
    terms = List.copyOf(terms);
  }
}

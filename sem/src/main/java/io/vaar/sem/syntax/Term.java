package io.vaar.sem.syntax;

import java.util.List;
import java.util.Objects;

/**
 * One right-hand-side term of a statement: a variable with its modifiers. The modifier list is
 * empty when the term has none, holds one modifier that applies to every group, or holds one
 * modifier per group when the model used a vector such as {@code c(1, NA)*x1}. The variable of
 * an intercept term ({@code y ~ 1}) is the empty string.
 *
 * @param variable the variable name, or {@code ""} for an intercept
 * @param modifiers no modifier, one for all groups, or one per group
 */
public record Term(String variable, List<Modifier> modifiers) {

  public Term {
    Objects.requireNonNull(variable, "variable");
    modifiers = List.copyOf(modifiers);
  }

  /** Whether this term is the {@code 1} of an intercept statement. */
  public boolean isIntercept() {
    return variable.isEmpty();
  }
}

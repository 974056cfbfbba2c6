package io.vaar.sem.syntax;

import java.util.List;

/**
 * One element of a {@code *}-chain such as {@code start(1)*a*x1}, read before the parser knows
 * whether a {@code *} follows. Every element can act as a modifier; only a plain name (or the
 * number {@code 1}, an intercept) can end the chain as its variable, so {@code variable} is
 * {@code null} for the others and {@code shown} names them in the resulting error.
 *
 * @param token the first token of the element, where conflicts are reported
 * @param modifiers the element read as a modifier: one for all groups or one per group
 * @param variable the element read as a variable name, or {@code null} if it cannot be one
 * @param intercept whether the element is the unsigned number 1
 * @param shown how to quote the element in an error message
 */
record Atom(Token token, List<Modifier> modifiers, String variable, boolean intercept, String shown) {
}

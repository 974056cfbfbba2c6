package io.vaar.sem.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * The entry point for lavaan model syntax: {@link #parse(String)} reads a model such as
 * <pre>
 * visual  =~ x1 + x2 + x3
 * textual =~ x4 + x5 + x6   # comments run to the end of the line
 * dem60 ~ ind60; y1 ~~ y5
 * </pre>
 * into statements in the order written. It supports {@code =~}, {@code ~}, {@code ~~} and
 * intercepts ({@code ~ 1}), the modifiers {@code 1*}, {@code NA*}, labels, {@code start(...)*}
 * and per-group {@code c(...)*} vectors, and formulas spread over several lines. Other lavaan
 * operators ({@code :=}, {@code ==}, {@code <}, {@code >}, {@code <~}, {@code |}, {@code ~*~})
 * are rejected with a message naming them, so a model never silently loses a constraint.
 */
public final class ModelSyntax {

  private ModelSyntax() {
  }

  /**
   * Parses a whole model text.
   *
   * @param text the model, statements separated by newlines or {@code ;}
   * @return the statements, one per left-hand variable and operator, in the order written
   * @throws ModelSyntaxException at the first token that does not fit the grammar
   */
  public static List<Statement> parse(String text) {
    List<Token> tokens = new Tokenizer(text).tokens();
    List<Statement> statements = new ArrayList<>();
    for (List<Token> formula : FormulaSplitter.split(tokens)) {
      statements.addAll(new FormulaParser(formula).parse());
    }
    return List.copyOf(statements);
  }
}

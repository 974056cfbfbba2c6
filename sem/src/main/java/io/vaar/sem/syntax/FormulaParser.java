package io.vaar.sem.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the tokens of one formula ({@code lhs1 + lhs2 op term + term ...}) by recursive
 * descent and returns its statements: one per left-hand variable, with a regression that also
 * names an intercept ({@code y ~ 1 + x}) split into an intercept and a regression statement in
 * the order they first appear. Every error points at the token where the grammar broke.
 */
final class FormulaParser {

  private static final String NA = "NA";

  private final List<Token> tokens;
  private int next;
  private Token previous;

  FormulaParser(List<Token> tokens) {
    this.tokens = tokens;
  }

  List<Statement> parse() {
    int line = peek().line();
    List<String> lhs = parseLeftHandSide();
    Token opToken = peek();
    if (!opToken.kind().isOperator()) {
      throw unexpected(opToken, "expected an operator (=~, ~ or ~~) after '" + previous.text() + "'");
    }
    advance();
    Operator op = operatorOf(opToken);
    List<Term> terms = new ArrayList<>();
    terms.add(parseTerm(op, terms));
    while (peek().kind() == TokenKind.PLUS) {
      advance();
      terms.add(parseTerm(op, terms));
    }
    Token end = peek();
    if (end.kind() != TokenKind.END) {
      throw unexpected(end, "expected '+' or the end of the formula after '" + previous.text() + "'");
    }
    return statements(lhs, op, terms, line);
  }

  private List<String> parseLeftHandSide() {
    Token first = peek();
    if (first.kind().isOperator()) {
      throw first.error("expected a variable name before '" + first.text() + "'");
    }
    List<String> names = new ArrayList<>();
    names.add(expectName("expected a variable name at the start of the formula"));
    while (peek().kind() == TokenKind.PLUS) {
      advance();
      names.add(expectName("expected a variable name after '+'"));
    }
    return names;
  }

  private String expectName(String expectation) {
    Token token = peek();
    if (token.kind() != TokenKind.IDENTIFIER || token.text().equals(NA)) {
      throw unexpected(token, expectation);
    }
    advance();
    return token.text();
  }

  private Term parseTerm(Operator op, List<Term> earlierTerms) {
    ModifierChain chain = new ModifierChain();
    while (true) {
      Atom atom = parseAtom();
      if (peek().kind() == TokenKind.STAR) {
        advance();
        chain.add(atom.modifiers(), atom.token());
      } else if (atom.intercept()) {
        if (op != Operator.REGRESSION) {
          throw atom.token().error("an intercept (1) needs the operator '~', as in y ~ 1");
        }
        if (earlierTerms.stream().anyMatch(Term::isIntercept)) {
          throw atom.token().error("the intercept (1) appears twice in this formula");
        }
        return new Term("", chain.result());
      } else if (atom.variable() != null) {
        return new Term(atom.variable(), chain.result());
      } else {
        throw unexpected(peek(), "expected '*' and a variable name after " + atom.shown());
      }
    }
  }

  private Atom parseAtom() {
    Token token = peek();
    if (token.kind() == TokenKind.IDENTIFIER && following().kind() == TokenKind.OPEN_PAREN) {
      return parseCall(token);
    }
    if (token.kind() == TokenKind.IDENTIFIER) {
      advance();
      if (token.text().equals(NA)) {
        return new Atom(token, List.of(new Modifier(null, true, null, null)), null, false, "'NA'");
      }
      return new Atom(token, List.of(new Modifier(null, false, token.text(), null)),
          token.text(), false, "'" + token.text() + "'");
    }
    if (startsNumber()) {
      boolean signed = token.kind() != TokenKind.NUMBER;
      double value = parseNumber();
      String shown = "'" + (signed ? token.text() : "") + previous.text() + "'";
      return new Atom(token, List.of(new Modifier(value, false, null, null)), null,
          !signed && value == 1.0, shown);
    }
    throw unexpected(token, "expected a variable name after '" + previous.text() + "'");
  }

  private Atom parseCall(Token name) {
    switch (name.text()) {
      case "c":
        return new Atom(name, parseVector(), null, false, "'c(...)'");
      case "start":
        return new Atom(name, parseStart(), null, false, "'start(...)'");
      default:
        throw name.error("unknown modifier '" + name.text() + "(...)'; only c(...) and start(...)"
            + " are supported");
    }
  }

  /** {@code c(1, NA, a, start(2))}: one modifier per group. */
  private List<Modifier> parseVector() {
    Token name = advance();
    Token open = advance();
    if (peek().kind() == TokenKind.CLOSE_PAREN) {
      throw name.error("empty c(): give one value per group, as in c(1, NA)");
    }
    List<Modifier> entries = new ArrayList<>();
    while (true) {
      entries.add(parseVectorEntry(open));
      Token token = peek();
      advance();
      if (token.kind() == TokenKind.CLOSE_PAREN) {
        return List.copyOf(entries);
      }
      if (token.kind() != TokenKind.COMMA) {
        throw inside(open, token, "expected ',' or ')' in c(...)");
      }
    }
  }

  private Modifier parseVectorEntry(Token open) {
    Token token = peek();
    if (startsNumber()) {
      return new Modifier(parseNumber(), false, null, null);
    }
    if (token.kind() == TokenKind.IDENTIFIER && token.text().equals("start")
        && following().kind() == TokenKind.OPEN_PAREN) {
      advance();
      return new Modifier(null, false, null, parseStartValue(advance()));
    }
    if (token.kind() == TokenKind.IDENTIFIER && following().kind() != TokenKind.OPEN_PAREN) {
      advance();
      return token.text().equals(NA)
          ? new Modifier(null, true, null, null)
          : new Modifier(null, false, token.text(), null);
    }
    throw inside(open, token, "expected a number, NA or a label in c(...)");
  }

  /** {@code start(0.5)} for all groups or {@code start(c(0.5, 1))} per group. */
  private List<Modifier> parseStart() {
    advance();
    Token open = advance();
    Token token = peek();
    if (token.kind() == TokenKind.IDENTIFIER && token.text().equals("c")
        && following().kind() == TokenKind.OPEN_PAREN) {
      List<Modifier> values = parseVector();
      for (Modifier value : values) {
        if (value.fixed() == null) {
          throw token.error("start(c(...)) takes numbers only");
        }
      }
      closeParen(open, "expected ')' after start(c(...))");
      return values.stream().map(value -> new Modifier(null, false, null, value.fixed())).toList();
    }
    return List.of(new Modifier(null, false, null, parseStartValue(open)));
  }

  private double parseStartValue(Token open) {
    Token token = peek();
    if (!startsNumber()) {
      throw inside(open, token, "expected a number in start(...)");
    }
    double value = parseNumber();
    closeParen(open, "expected ')' after the start value");
    return value;
  }

  private void closeParen(Token open, String expectation) {
    Token token = peek();
    if (token.kind() != TokenKind.CLOSE_PAREN) {
      throw inside(open, token, expectation);
    }
    advance();
  }

  private boolean startsNumber() {
    TokenKind kind = peek().kind();
    return kind == TokenKind.NUMBER
        || ((kind == TokenKind.MINUS || kind == TokenKind.PLUS) && following().kind() == TokenKind.NUMBER);
  }

  private double parseNumber() {
    Token token = advance();
    boolean negative = token.kind() == TokenKind.MINUS;
    if (token.kind() != TokenKind.NUMBER) {
      token = advance();
    }
    double value = Double.parseDouble(token.text());
    return negative ? -value : value;
  }

  /** An error inside parentheses; running into the formula's end means the '(' was never closed. */
  private static ModelSyntaxException inside(Token open, Token found, String expectation) {
    if (found.kind() == TokenKind.END) {
      return open.error("unbalanced parentheses: this '(' is never closed");
    }
    return found.error(expectation + ", found '" + found.text() + "'");
  }

  private static ModelSyntaxException unexpected(Token found, String expectation) {
    switch (found.kind()) {
      case CLOSE_PAREN:
        return found.error("unbalanced parentheses: this ')' has no matching '('");
      case OPEN_PAREN:
        return found.error("unexpected '(': parentheses only follow c or start, as in c(1, NA)*x1");
      case END:
        return found.error(expectation);
      default:
        return found.error(expectation + ", found '" + found.text() + "'");
    }
  }

  private static Operator operatorOf(Token token) {
    switch (token.kind()) {
      case MEASURED_BY:
        return Operator.MEASURED_BY;
      case REGRESSION:
        return Operator.REGRESSION;
      default:
        return Operator.COVARIANCE;
    }
  }

  private static List<Statement> statements(List<String> lhs, Operator op, List<Term> terms, int line) {
    List<Statement> statements = new ArrayList<>();
    for (String variable : lhs) {
      if (op != Operator.REGRESSION || terms.stream().noneMatch(Term::isIntercept)) {
        statements.add(new Statement(variable, op, terms, line));
        continue;
      }
      List<Term> predictors = terms.stream().filter(term -> !term.isIntercept()).toList();
      Term intercept = terms.stream().filter(Term::isIntercept).findFirst().orElseThrow();
      Statement interceptStatement = new Statement(variable, Operator.INTERCEPT, List.of(intercept), line);
      boolean interceptFirst = terms.get(0).isIntercept();
      if (interceptFirst) {
        statements.add(interceptStatement);
      }
      if (!predictors.isEmpty()) {
        statements.add(new Statement(variable, Operator.REGRESSION, predictors, line));
      }
      if (!interceptFirst) {
        statements.add(interceptStatement);
      }
    }
    return statements;
  }

  /** The next token; a token the tokenizer could not read is reported as soon as it is reached. */
  private Token peek() {
    Token token = tokens.get(next);
    if (token.kind() == TokenKind.PROBLEM) {
      throw token.error(token.problem());
    }
    return token;
  }

  private Token following() {
    return tokens.get(Math.min(next + 1, tokens.size() - 1));
  }

  private Token advance() {
    previous = peek();
    if (next < tokens.size() - 1) {
      next++;
    }
    return previous;
  }
}

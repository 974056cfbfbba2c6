package io.vaar.sem.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * Groups tokens into formulas, following lavaan's rule for formulas written over several lines:
 * a line break does not end a formula when the line ends with {@code +}, {@code *} or an
 * operator, or when the next non-blank line starts with {@code +}. Each formula ends with an
 * {@code END} token placed just after its last token, where "expected ..." errors point.
 */
final class FormulaSplitter {

  private FormulaSplitter() {
  }

  static List<List<Token>> split(List<Token> tokens) {
    List<List<Token>> formulas = new ArrayList<>();
    List<Token> current = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      if (token.kind() != TokenKind.LINE_BREAK) {
        current.add(token);
      } else if (!current.isEmpty() && !continues(current, tokens, i)) {
        formulas.add(finish(current));
        current = new ArrayList<>();
      }
    }
    if (!current.isEmpty()) {
      formulas.add(finish(current));
    }
    return formulas;
  }

  private static boolean continues(List<Token> current, List<Token> tokens, int lineBreak) {
    TokenKind last = current.get(current.size() - 1).kind();
    if (last == TokenKind.PLUS || last == TokenKind.STAR || last.isOperator()) {
      return true;
    }
    for (int i = lineBreak + 1; i < tokens.size(); i++) {
      TokenKind next = tokens.get(i).kind();
      if (next != TokenKind.LINE_BREAK) {
        return next == TokenKind.PLUS;
      }
    }
    return false;
  }

  private static List<Token> finish(List<Token> formula) {
    Token last = formula.get(formula.size() - 1);
    formula.add(new Token(TokenKind.END, "", last.line(), last.endColumn()));
    return formula;
  }
}

package io.vaar.sem.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits model text into tokens, dropping whitespace and comments ({@code #} or {@code !} to the
 * end of the line) and turning both newlines and {@code ;} into line-break tokens, since lavaan
 * treats them alike. It never throws: text it cannot read becomes a {@code PROBLEM} token so that
 * an earlier grammar error is still the one reported.
 */
final class Tokenizer {

  private final String text;
  private final List<Token> tokens = new ArrayList<>();
  private int position;
  private int line = 1;
  /** Index of the first character of the current line. */
  private int lineStart;

  Tokenizer(String text) {
    this.text = text;
  }

  List<Token> tokens() {
    while (position < text.length()) {
      readOne();
    }
    return tokens;
  }

  private void readOne() {
    char c = text.charAt(position);
    if (c == '\n') {
      add(TokenKind.LINE_BREAK, 1);
      line++;
      lineStart = position;
    } else if (c == ';') {
      add(TokenKind.LINE_BREAK, 1);
    } else if (Character.isWhitespace(c)) {
      position++;
    } else if (c == '#' || c == '!') {
      skipComment();
    } else if (isDigit(c) || (c == '.' && isDigit(charAt(position + 1)))) {
      readNumber();
    } else if (isIdentifierStart(c)) {
      readIdentifier();
    } else {
      readSymbol(c);
    }
  }

  private void skipComment() {
    while (position < text.length() && text.charAt(position) != '\n') {
      position++;
    }
  }

  private void readNumber() {
    int start = position;
    skipDigits();
    if (charAt(position) == '.') {
      position++;
      skipDigits();
    }
    char e = charAt(position);
    if (e == 'e' || e == 'E') {
      int afterSign = position + 1;
      if (charAt(afterSign) == '+' || charAt(afterSign) == '-') {
        afterSign++;
      }
      if (isDigit(charAt(afterSign))) {
        position = afterSign;
        skipDigits();
      }
    }
    if (isIdentifierPart(charAt(position))) {
      // "2x" or "1e": neither a number nor a name; say so instead of reporting "x" later.
      while (isIdentifierPart(charAt(position))) {
        position++;
      }
      String word = text.substring(start, position);
      tokens.add(new Token(TokenKind.PROBLEM, word, line, column(start),
          "'" + word + "' is neither a number nor a variable name"
              + " (names start with a letter, '.' or '_')"));
      return;
    }
    tokens.add(new Token(TokenKind.NUMBER, text.substring(start, position), line, column(start)));
  }

  private void readIdentifier() {
    int start = position;
    while (isIdentifierPart(charAt(position))) {
      position++;
    }
    tokens.add(new Token(TokenKind.IDENTIFIER, text.substring(start, position), line, column(start)));
  }

  private void readSymbol(char c) {
    for (UnsupportedOperator unsupported : UnsupportedOperator.values()) {
      if (text.startsWith(unsupported.symbol(), position)) {
        tokens.add(new Token(TokenKind.PROBLEM, unsupported.symbol(), line, column(position),
            unsupported.message()));
        position += unsupported.symbol().length();
        return;
      }
    }
    if (text.startsWith("=~", position)) {
      add(TokenKind.MEASURED_BY, 2);
    } else if (text.startsWith("~~", position)) {
      add(TokenKind.COVARIANCE, 2);
    } else if (c == '~') {
      add(TokenKind.REGRESSION, 1);
    } else if (c == '+') {
      add(TokenKind.PLUS, 1);
    } else if (c == '-') {
      add(TokenKind.MINUS, 1);
    } else if (c == '*') {
      add(TokenKind.STAR, 1);
    } else if (c == '(') {
      add(TokenKind.OPEN_PAREN, 1);
    } else if (c == ')') {
      add(TokenKind.CLOSE_PAREN, 1);
    } else if (c == ',') {
      add(TokenKind.COMMA, 1);
    } else {
      String shown = Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c);
      String hint = c == '=' ? "; the measurement operator is '=~'" : "";
      tokens.add(new Token(TokenKind.PROBLEM, String.valueOf(c), line, column(position),
          "unexpected character '" + shown + "'" + hint));
      position++;
    }
  }

  private void add(TokenKind kind, int length) {
    tokens.add(new Token(kind, text.substring(position, position + length), line, column(position)));
    position += length;
  }

  private int column(int at) {
    return at - lineStart + 1;
  }

  private void skipDigits() {
    while (isDigit(charAt(position))) {
      position++;
    }
  }

  private char charAt(int index) {
    return index < text.length() ? text.charAt(index) : '\0';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isIdentifierStart(char c) {
    return Character.isLetter(c) || c == '.' || c == '_';
  }

  private static boolean isIdentifierPart(char c) {
    return Character.isLetterOrDigit(c) || c == '.' || c == '_';
  }
}

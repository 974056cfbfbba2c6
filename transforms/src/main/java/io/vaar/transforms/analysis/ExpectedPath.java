package io.vaar.transforms.analysis;

import java.util.Objects;

/**
 * One structural path and the sign humans show on it ({@code AODS ~ CTRL} expected negative):
 * what VAAR judges a model's path against. The weight generalises VAAR's plain mean; 1 for all
 * paths gives the paper's definition.
 */
public record ExpectedPath(String lhs, String rhs, Sign sign, double weight) {

  /** The direction of an effect. */
  public enum Sign {
    POSITIVE("+"), NEGATIVE("-");

    private final String symbol;

    Sign(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }

    public boolean agreesWith(double estimate) {
      return this == POSITIVE ? estimate > 0 : estimate < 0;
    }

    /** {@code +} or {@code -}. */
    public static Sign parse(String symbol) {
      return switch (symbol.trim()) {
        case "+" -> POSITIVE;
        case "-" -> NEGATIVE;
        default -> throw new IllegalArgumentException("expected sign must be + or -, not '"
            + symbol + "'");
      };
    }
  }

  public ExpectedPath {
    Objects.requireNonNull(lhs, "lhs");
    Objects.requireNonNull(rhs, "rhs");
    Objects.requireNonNull(sign, "sign");
    if (!(weight > 0) || Double.isInfinite(weight)) {
      throw new IllegalArgumentException("path weight must be positive and finite, not " + weight);
    }
  }

  public ExpectedPath(String lhs, String rhs, Sign sign) {
    this(lhs, rhs, sign, 1.0);
  }

  /** Parses {@code LHS~RHS=+} or {@code LHS~RHS=-}, the form {@code ./vaar score --expect} takes. */
  public static ExpectedPath parse(String text) {
    int tilde = text.indexOf('~');
    int equals = text.lastIndexOf('=');
    if (tilde <= 0 || equals < tilde + 2 || equals == text.length() - 1) {
      throw new IllegalArgumentException("expected path '" + text
          + "' must look like AODS~PSA=+ or AODS~CTRL=-");
    }
    return new ExpectedPath(text.substring(0, tilde).trim(),
        text.substring(tilde + 1, equals).trim(), Sign.parse(text.substring(equals + 1)));
  }
}

package io.vaar.sem;

/**
 * Bad input to a fit — a model that is not identified, a missing column, too few rows, a
 * singular covariance matrix — with a one-line message that names the cause and the fix.
 */
public final class SemInputException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public SemInputException(String message) {
    super(message);
  }
}

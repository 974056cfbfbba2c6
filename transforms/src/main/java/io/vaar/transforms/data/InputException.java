package io.vaar.transforms.data;

/**
 * A data file that cannot be used as given: missing, malformed, or lacking a requested column
 * or a numeric value. The message is one line that names the file (and, where it applies, the
 * line and column) and says what to change, because it is shown to the user as is.
 */
public final class InputException extends RuntimeException {

  public InputException(String message) {
    super(message);
  }

  public InputException(String message, Throwable cause) {
    super(message, cause);
  }
}

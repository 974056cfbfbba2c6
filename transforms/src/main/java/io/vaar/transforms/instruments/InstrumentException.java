package io.vaar.transforms.instruments;

/**
 * An instrument file that cannot be used: unreadable, malformed, or missing or misusing a field.
 * The message is one line that names the file and the field and says what to change.
 */
public final class InstrumentException extends RuntimeException {

  InstrumentException(String message) {
    super(message);
  }

  InstrumentException(String message, Throwable cause) {
    super(message, cause);
  }
}

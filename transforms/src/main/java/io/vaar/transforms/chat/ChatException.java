package io.vaar.transforms.chat;

import java.time.Duration;
import java.util.Optional;

/**
 * A chat call that did not produce a reply. The {@link Kind} tells a retry policy what to do:
 * rate limits, server errors, timeouts and network failures may succeed later; a rejected
 * request (bad key, unknown model, wrong URL) never will. The message is one line meant for the
 * user and must never contain a secret.
 */
public final class ChatException extends Exception {

  /** The broad cause of a failed call. */
  public enum Kind {
    RATE_LIMITED(true), SERVER(true), TIMEOUT(true), NETWORK(true), MALFORMED(true),
    REJECTED(false);

    private final boolean retryable;

    Kind(boolean retryable) {
      this.retryable = retryable;
    }

    public boolean retryable() {
      return retryable;
    }
  }

  private final Kind kind;
  private final Integer httpStatus;
  private final Duration retryAfter;

  public ChatException(Kind kind, Integer httpStatus, Duration retryAfter, String message) {
    super(message);
    this.kind = kind;
    this.httpStatus = httpStatus;
    this.retryAfter = retryAfter;
  }

  public ChatException(Kind kind, String message) {
    this(kind, null, null, message);
  }

  public Kind kind() {
    return kind;
  }

  public boolean retryable() {
    return kind.retryable();
  }

  public Optional<Integer> httpStatus() {
    return Optional.ofNullable(httpStatus);
  }

  /** The wait the server asked for (a {@code Retry-After} header), when it asked. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}

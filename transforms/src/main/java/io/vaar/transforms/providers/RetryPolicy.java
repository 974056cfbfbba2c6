package io.vaar.transforms.providers;

import java.time.Duration;

/**
 * How {@link RetryingChatModel} retries: at most {@code maxAttempts} calls per request;
 * exponential backoff from {@code initialBackoff} doubling up to {@code maxBackoff}, with the
 * upper half jittered so that many callers failing together do not retry together; a server's
 * {@code Retry-After} is honoured (the wait is never shorter), unless it asks for more than
 * {@code maxRetryAfter}, in which case the call fails at once rather than blocking a worker.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff,
    Duration maxRetryAfter) {

  public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofSeconds(1);
  public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(60);
  public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofMinutes(10);

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
    }
  }

  /** The defaults with the given attempt limit. */
  public static RetryPolicy withAttempts(int maxAttempts) {
    return new RetryPolicy(maxAttempts, DEFAULT_INITIAL_BACKOFF, DEFAULT_MAX_BACKOFF, DEFAULT_MAX_RETRY_AFTER);
  }

  public RetryPolicy withBackoff(Duration initial, Duration max) {
    return new RetryPolicy(maxAttempts, initial, max, maxRetryAfter);
  }

  /**
   * The wait before retry number {@code retry} (1 for the second attempt).
   *
   * @param jitter a uniform draw from [0, 1)
   */
  public Duration backoff(int retry, double jitter) {
    double base = initialBackoff.toNanos() * Math.pow(2, Math.min(retry - 1, 62));
    double capped = Math.min(base, maxBackoff.toNanos());
    return Duration.ofNanos(Math.round(capped / 2 + jitter * capped / 2));
  }
}

package io.vaar.transforms.providers;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads how long a server asked us to wait: the {@code Retry-After} header in either of its forms
 * (delay in seconds, or an HTTP date), OpenAI's {@code retry-after-ms}, or the
 * {@code retryDelay} of a Google API error ({@code "30s"}). Anything unreadable is ignored, so a
 * bad header falls back to ordinary backoff.
 */
final class RetryAfter {

  private RetryAfter() {
  }

  static Optional<Duration> fromHeaders(String retryAfterMs, String retryAfter, Instant now) {
    if (retryAfterMs != null) {
      try {
        return nonNegative(Duration.ofNanos(Math.round(Double.parseDouble(retryAfterMs.strip()) * 1e6)));
      } catch (NumberFormatException ignored) {
        // fall through to Retry-After
      }
    }
    if (retryAfter == null) {
      return Optional.empty();
    }
    String value = retryAfter.strip();
    try {
      return nonNegative(Duration.ofNanos(Math.round(Double.parseDouble(value) * 1e9)));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        return Optional.of(Duration.between(now, at).isNegative() ? Duration.ZERO : Duration.between(now, at));
      } catch (DateTimeParseException notDate) {
        return Optional.empty();
      }
    }
  }

  /** A Google API duration such as {@code "30s"} or {@code "1.5s"}. */
  static Optional<Duration> fromGoogleDuration(String value) {
    if (value == null || !value.endsWith("s")) {
      return Optional.empty();
    }
    try {
      return nonNegative(Duration.ofNanos(Math.round(Double.parseDouble(value.substring(0, value.length() - 1)) * 1e9)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Optional<Duration> nonNegative(Duration d) {
    return d.isNegative() ? Optional.empty() : Optional.of(d);
  }
}

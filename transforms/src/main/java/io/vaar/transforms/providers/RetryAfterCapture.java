package io.vaar.transforms.providers;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Remembers, for the calling thread, how long the last refused response (429 or 503) asked us to
 * wait. The Gen AI SDK turns such responses into exceptions without their headers, so this
 * interceptor reads the {@code Retry-After} header, or the {@code retryDelay} of the error's
 * {@code RetryInfo} detail, before the SDK does. Synchronous OkHttp calls run interceptors on the
 * caller's thread, which is what makes a thread-local the right carrier.
 */
final class RetryAfterCapture implements Interceptor {

  private static final Pattern RETRY_DELAY = Pattern.compile("\"retryDelay\"\\s*:\\s*\"([0-9.]+s)\"");
  private static final long PEEK_LIMIT = 64 * 1024;

  private final ThreadLocal<Duration> lastAsked = new ThreadLocal<>();

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    if (response.code() == 429 || response.code() == 503) {
      Optional<Duration> asked = RetryAfter.fromHeaders(response.header("retry-after-ms"),
          response.header("Retry-After"), Instant.now());
      if (asked.isEmpty()) {
        Matcher delay = RETRY_DELAY.matcher(response.peekBody(PEEK_LIMIT).string());
        asked = delay.find() ? RetryAfter.fromGoogleDuration(delay.group(1)) : Optional.empty();
      }
      asked.ifPresent(lastAsked::set);
    }
    return response;
  }

  /** Forgets what an earlier call on this thread was told. */
  void clear() {
    lastAsked.remove();
  }

  /** The wait the last refused response on this thread asked for, if any; forgets it. */
  Duration take() {
    Duration asked = lastAsked.get();
    lastAsked.remove();
    return asked;
  }
}

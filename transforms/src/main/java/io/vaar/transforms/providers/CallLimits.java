package io.vaar.transforms.providers;

import io.vaar.transforms.config.ModelSpec;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * The limits one model's calls share within a JVM: at most {@code max_concurrency} calls in
 * flight, and the optional {@code requests_per_minute} and {@code tokens_per_minute} budgets.
 * Every {@link RateLimitedChatModel} of the same model must hold the same instance, which
 * {@link SharedCallLimits} arranges.
 */
public final class CallLimits {

  private final int maxConcurrency;
  private final Semaphore inFlight;
  private final TokenBucket requests;
  private final TokenBucket tokens;

  public CallLimits(int maxConcurrency, Integer requestsPerMinute, Long tokensPerMinute, CallClock clock) {
    if (maxConcurrency < 1) {
      throw new IllegalArgumentException("max_concurrency must be at least 1: " + maxConcurrency);
    }
    this.maxConcurrency = maxConcurrency;
    this.inFlight = new Semaphore(maxConcurrency, true);
    this.requests = requestsPerMinute == null ? null : new TokenBucket(requestsPerMinute, clock);
    this.tokens = tokensPerMinute == null ? null : new TokenBucket(tokensPerMinute, clock);
  }

  public static CallLimits of(ModelSpec spec, CallClock clock) {
    return new CallLimits(spec.maxConcurrency(), spec.requestsPerMinute(), spec.tokensPerMinute(), clock);
  }

  public int maxConcurrency() {
    return maxConcurrency;
  }

  Semaphore inFlight() {
    return inFlight;
  }

  Optional<TokenBucket> requests() {
    return Optional.ofNullable(requests);
  }

  Optional<TokenBucket> tokens() {
    return Optional.ofNullable(tokens);
  }
}

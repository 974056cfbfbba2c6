package io.vaar.transforms.providers;

import io.vaar.transforms.config.ModelSpec;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * The limits one model's calls share within a JVM: at most {@code max_concurrency} calls in
 * flight, and the optional {@code requests_per_minute} and {@code tokens_per_minute} budgets —
 * the whole budgets, or in an audit one session shard's share of them ({@link #share}). Every
 * {@link RateLimitedChatModel} of the same model (and shard) must hold the same instance, which
 * {@link SharedCallLimits} arranges.
 */
public final class CallLimits {

  private final int maxConcurrency;
  private final Semaphore inFlight;
  private final TokenBucket requests;
  private final TokenBucket tokens;

  public CallLimits(int maxConcurrency, Integer requestsPerMinute, Long tokensPerMinute, CallClock clock) {
    this(maxConcurrency, new Semaphore(checked(maxConcurrency), true),
        requestsPerMinute == null ? null : new TokenBucket(requestsPerMinute, clock),
        tokensPerMinute == null ? null : new TokenBucket(tokensPerMinute, clock));
  }

  private CallLimits(int maxConcurrency, Semaphore inFlight, TokenBucket requests,
      TokenBucket tokens) {
    this.maxConcurrency = maxConcurrency;
    this.inFlight = inFlight;
    this.requests = requests;
    this.tokens = tokens;
  }

  private static int checked(int maxConcurrency) {
    if (maxConcurrency < 1) {
      throw new IllegalArgumentException("max_concurrency must be at least 1: " + maxConcurrency);
    }
    return maxConcurrency;
  }

  public static CallLimits of(ModelSpec spec, CallClock clock) {
    return new CallLimits(spec.maxConcurrency(), spec.requestsPerMinute(), spec.tokensPerMinute(), clock);
  }

  /**
   * The limits of one of the model's {@code max_concurrency} session shards: the same in-flight
   * permits as these limits, and a 1/{@code max_concurrency} share of each per-minute budget.
   * A shard runs in one place at a time, so the shares add up to the model's budgets however the
   * shards are spread over a cluster's workers.
   */
  CallLimits share(ModelSpec spec, CallClock clock) {
    int shares = spec.maxConcurrency();
    return new CallLimits(maxConcurrency, inFlight,
        spec.requestsPerMinute() == null ? null
            : new TokenBucket(spec.requestsPerMinute() / (double) shares, clock),
        spec.tokensPerMinute() == null ? null
            : new TokenBucket(spec.tokensPerMinute() / (double) shares, clock));
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

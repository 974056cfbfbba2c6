package io.vaar.transforms.providers;

import io.vaar.transforms.config.ModelSpec;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link CallLimits} per model and limits, shared by every chat model built in a JVM. A Beam
 * worker creates a client per DoFn instance and thread; holding the limits here rather than in
 * each client is what keeps a model within its concurrency and per-minute budgets across all of
 * them. {@link #jvmWide()} is the instance for a run; tests make their own.
 */
public final class SharedCallLimits {

  private static final SharedCallLimits JVM_WIDE = new SharedCallLimits(CallClock.system());

  private final CallClock clock;
  private final Map<Key, CallLimits> limits = new ConcurrentHashMap<>();

  public SharedCallLimits(CallClock clock) {
    this.clock = clock;
  }

  /** The limits shared by the whole JVM, on the real clock. */
  public static SharedCallLimits jvmWide() {
    return JVM_WIDE;
  }

  /** The limits of this model, created on first use. */
  public CallLimits forModel(ModelSpec spec) {
    Key key = new Key(spec.id(), spec.maxConcurrency(), spec.requestsPerMinute(), spec.tokensPerMinute());
    return limits.computeIfAbsent(key, k -> CallLimits.of(spec, clock));
  }

  private record Key(String id, int maxConcurrency, Integer requestsPerMinute, Long tokensPerMinute) {
  }
}

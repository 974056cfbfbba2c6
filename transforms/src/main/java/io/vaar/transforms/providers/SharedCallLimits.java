package io.vaar.transforms.providers;

import io.vaar.transforms.config.ModelSpec;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link CallLimits} per model and limits (and per session shard), shared by every chat model
 * built in a JVM. A Beam worker creates a client per DoFn instance and thread; holding the limits
 * here rather than in each client is what keeps a model within its concurrency and per-minute
 * budgets across all of them. An audit asks for a shard's limits ({@link #forShard}): each of a
 * model's {@code max_concurrency} shards runs in one place at a time and owns a fixed share of
 * the per-minute budgets, so a run on many workers stays within them too. {@link #jvmWide()} is
 * the instance for a run; tests make their own.
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
    return limits.computeIfAbsent(Key.of(spec, WHOLE), k -> CallLimits.of(spec, clock));
  }

  /**
   * The limits of session shard {@code shard} of this model: the model's in-flight permits and a
   * 1/{@code max_concurrency} share of its per-minute budgets (see {@link CallLimits#share}).
   */
  public CallLimits forShard(ModelSpec spec, int shard) {
    if (shard < 0 || shard >= spec.maxConcurrency()) {
      throw new IllegalArgumentException("model '" + spec.id() + "' has shards 0 to "
          + (spec.maxConcurrency() - 1) + ", not " + shard);
    }
    CallLimits model = forModel(spec);
    return limits.computeIfAbsent(Key.of(spec, shard), k -> model.share(spec, clock));
  }

  private static final int WHOLE = -1;

  private record Key(String id, int maxConcurrency, Integer requestsPerMinute, Long tokensPerMinute,
      int shard) {

    static Key of(ModelSpec spec, int shard) {
      return new Key(spec.id(), spec.maxConcurrency(), spec.requestsPerMinute(),
          spec.tokensPerMinute(), shard);
    }
  }
}

package io.vaar.transforms.audit;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The counts of {@link SessionMetrics} as they happen, kept in this JVM per run id. Beam's
 * counters are the run's record, but a runner whose {@code run()} blocks until the job ends (the
 * Flink runner) publishes them only at the end; when such a runner works in the launching JVM
 * (Flink's embedded cluster) the launcher reads this tally for its live progress line instead.
 * On a remote cluster the tally of the launcher stays empty, which the launcher can tell.
 * Attempted counts, like Beam's: a retried bundle counts again.
 */
public final class LiveTally {

  private static final Map<String, Map<String, LongAdder>> RUNS = new ConcurrentHashMap<>();

  private LiveTally() {
  }

  /** Starts the tally of {@code runId} afresh (a rerun in the same JVM starts from zero). */
  public static void reset(String runId) {
    RUNS.put(runId, new ConcurrentHashMap<>());
  }

  /** Adds {@code amount} to counter {@code name} of {@code runId}. */
  static void add(String runId, String name, long amount) {
    if (amount != 0) {
      RUNS.computeIfAbsent(runId, id -> new ConcurrentHashMap<>())
          .computeIfAbsent(name, n -> new LongAdder()).add(amount);
    }
  }

  /** The counters of {@code runId} as they stand, by name; empty when none was counted here. */
  public static Map<String, Long> counts(String runId) {
    Map<String, Long> counts = new TreeMap<>();
    Map<String, LongAdder> run = RUNS.get(runId);
    if (run != null) {
      run.forEach((name, adder) -> counts.put(name, adder.sum()));
    }
    return counts;
  }

  /** Forgets {@code runId}'s tally once its run has ended. */
  public static void clear(String runId) {
    RUNS.remove(runId);
  }
}

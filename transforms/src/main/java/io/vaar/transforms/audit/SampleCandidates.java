package io.vaar.transforms.audit;

import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers, per model, the smallest session ids seen so far, to tell whether a session can still
 * be among the {@link ModelAccumulator#SAMPLED_SESSIONS} sessions whose raw answers the report
 * shows. A session of the final sample is among the smallest ids seen whenever it is seen, so it
 * is always a candidate; of n sessions arriving in any order, about k·ln n ever are. Safe to share
 * between the threads of one worker.
 */
final class SampleCandidates {

  private final Map<String, TreeSet<String>> smallest = new ConcurrentHashMap<>();

  /** Records {@code sessionId} of {@code model}; whether it is among the smallest seen so far. */
  boolean offer(String model, String sessionId) {
    TreeSet<String> ids = smallest.computeIfAbsent(model, m -> new TreeSet<>());
    synchronized (ids) {
      ids.add(sessionId);
      if (ids.size() > ModelAccumulator.SAMPLED_SESSIONS) {
        ids.pollLast();
      }
      return ids.contains(sessionId);
    }
  }
}

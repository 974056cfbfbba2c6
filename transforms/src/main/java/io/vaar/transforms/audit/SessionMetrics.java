package io.vaar.transforms.audit;

import io.vaar.schemas.ItemResponse;
import io.vaar.schemas.ResponseStatus;
import io.vaar.schemas.SessionRecord;
import io.vaar.schemas.SessionStatus;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;

/**
 * The counters a run reports while it goes (the console progress line, the manifest): sessions
 * done and how they ended, items asked and how they ended, corrective re-asks and answers served
 * from the response cache. Names live here so the reader of the metrics uses the same ones.
 */
public final class SessionMetrics {

  public static final String NAMESPACE = "vaar";
  public static final String SESSIONS = "sessions";
  public static final String SESSIONS_PARTIAL = "sessions_partial";
  public static final String SESSIONS_FAILED = "sessions_failed";
  public static final String ANSWERS = "answers";
  public static final String INVALID = "invalid";
  public static final String REFUSED = "refused";
  public static final String ERRORS = "errors";
  public static final String REASKS = "reasks";
  public static final String CACHE_HITS = "cache_hits";
  public static final String CRASHED = "sessions_crashed";

  private final Counter sessions = Metrics.counter(NAMESPACE, SESSIONS);
  private final Counter partial = Metrics.counter(NAMESPACE, SESSIONS_PARTIAL);
  private final Counter failed = Metrics.counter(NAMESPACE, SESSIONS_FAILED);
  private final Counter answers = Metrics.counter(NAMESPACE, ANSWERS);
  private final Counter invalid = Metrics.counter(NAMESPACE, INVALID);
  private final Counter refused = Metrics.counter(NAMESPACE, REFUSED);
  private final Counter errors = Metrics.counter(NAMESPACE, ERRORS);
  private final Counter reasks = Metrics.counter(NAMESPACE, REASKS);
  private final Counter cacheHits = Metrics.counter(NAMESPACE, CACHE_HITS);
  private final Counter crashed = Metrics.counter(NAMESPACE, CRASHED);

  /** Counts one finished session and its item responses. */
  public void record(SessionRecord record, Iterable<ItemResponse> responses) {
    String run = record.getRunId();
    count(sessions, run, SESSIONS, 1);
    if (record.getStatus() == SessionStatus.partial) {
      count(partial, run, SESSIONS_PARTIAL, 1);
    } else if (record.getStatus() == SessionStatus.failed) {
      count(failed, run, SESSIONS_FAILED, 1);
    }
    long answered = 0;
    long invalidAnswers = 0;
    long refusals = 0;
    long errorAnswers = 0;
    long reasked = 0;
    long cached = 0;
    for (ItemResponse response : responses) {
      answered++;
      if (response.getStatus() == ResponseStatus.invalid) {
        invalidAnswers++;
      } else if (response.getStatus() == ResponseStatus.refused) {
        refusals++;
      } else if (response.getStatus() == ResponseStatus.error) {
        errorAnswers++;
      }
      reasked += Math.max(0, response.getReplies().size() - 1);
      cached += response.getCachedAttempts();
    }
    count(answers, run, ANSWERS, answered);
    count(invalid, run, INVALID, invalidAnswers);
    count(refused, run, REFUSED, refusals);
    count(errors, run, ERRORS, errorAnswers);
    count(reasks, run, REASKS, reasked);
    count(cacheHits, run, CACHE_HITS, cached);
  }

  /** Beam's counter, and this JVM's live tally for launchers whose runner reports at the end. */
  private static void count(Counter counter, String run, String name, long amount) {
    counter.inc(amount);
    LiveTally.add(run, name, amount);
  }

  void crashed() {
    crashed.inc();
  }
}

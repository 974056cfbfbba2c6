package io.vaar.transforms.audit;

import io.vaar.transforms.analysis.LikertMoments;
import io.vaar.transforms.analysis.ModelSample;
import io.vaar.transforms.analysis.ResponseCounts;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a model's sessions add up to, mergeable in any order: the exact sufficient statistics
 * the SEM fits use ({@link LikertMoments}), the scored rows the profiles and the bootstrap
 * resample (32 values per session), the response counts, whether the model is simulated, and the
 * raw answers of the {@link #SAMPLED_SESSIONS} sessions with the smallest ids — the report's
 * sample, the same whatever order the sessions are added and merged in.
 */
public final class ModelAccumulator implements Serializable {

  private static final long serialVersionUID = 1L;
  /** How many sessions per model the report shows the raw answers of. */
  public static final int SAMPLED_SESSIONS = 3;

  private final LikertMoments moments;
  private final List<ModelSample.SessionRow> rows = new ArrayList<>();
  private ResponseCounts counts = ResponseCounts.NONE;
  private boolean simulated;
  private final TreeMap<String, List<RawAnswer>> sampled = new TreeMap<>();

  public ModelAccumulator(int items) {
    this.moments = new LikertMoments(items);
  }

  ModelAccumulator(LikertMoments moments, List<ModelSample.SessionRow> rows,
      ResponseCounts counts, boolean simulated, List<AnswerSample> sampled) {
    this.moments = moments;
    this.rows.addAll(rows);
    this.counts = counts;
    this.simulated = simulated;
    sampled.forEach(sample -> sample(sample.sessionId(), sample.answers()));
  }

  LikertMoments moments() {
    return moments;
  }

  List<ModelSample.SessionRow> rows() {
    return rows;
  }

  ResponseCounts counts() {
    return counts;
  }

  public void add(ScoredSession session) {
    moments.add(session.row());
    rows.add(new ModelSample.SessionRow(session.sessionId(), session.row()));
    counts = counts.plus(session.counts());
    simulated |= session.simulated();
    sample(session.sessionId(), session.answers());
  }

  public void merge(ModelAccumulator other) {
    moments.merge(other.moments);
    rows.addAll(other.rows);
    counts = counts.plus(other.counts);
    simulated |= other.simulated;
    other.sampled.forEach(this::sample);
  }

  /** Keeps a session's answers while its id is among the smallest. */
  private void sample(String sessionId, List<RawAnswer> answers) {
    if (answers.isEmpty()) {
      return;
    }
    sampled.put(sessionId, answers);
    if (sampled.size() > SAMPLED_SESSIONS) {
      sampled.pollLastEntry();
    }
  }

  /** The sampled sessions' raw answers, by session id. */
  public List<AnswerSample> answerSamples() {
    List<AnswerSample> samples = new ArrayList<>();
    for (Map.Entry<String, List<RawAnswer>> session : sampled.entrySet()) {
      samples.add(new AnswerSample(session.getKey(), session.getValue()));
    }
    return samples;
  }

  public boolean simulated() {
    return simulated;
  }

  public int sessions() {
    return rows.size();
  }

  /** Sessions with at least one answer: those the analysis can use. */
  public long answered() {
    return moments.cases();
  }

  public ModelSample toSample(String modelId) {
    return new ModelSample(modelId, moments.toStatistics(), rows, counts);
  }
}

package io.vaar.transforms.audit;

import io.vaar.transforms.analysis.LikertMoments;
import io.vaar.transforms.analysis.ModelSample;
import io.vaar.transforms.analysis.ResponseCounts;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What a model's sessions add up to, mergeable in any order: the exact sufficient statistics
 * the SEM fits use ({@link LikertMoments}), the scored rows the profiles and the bootstrap
 * resample (32 values per session), the response counts, and whether the model is simulated.
 */
public final class ModelAccumulator implements Serializable {

  private static final long serialVersionUID = 1L;

  private final LikertMoments moments;
  private final List<ModelSample.SessionRow> rows = new ArrayList<>();
  private ResponseCounts counts = ResponseCounts.NONE;
  private boolean simulated;

  public ModelAccumulator(int items) {
    this.moments = new LikertMoments(items);
  }

  ModelAccumulator(LikertMoments moments, List<ModelSample.SessionRow> rows,
      ResponseCounts counts, boolean simulated) {
    this.moments = moments;
    this.rows.addAll(rows);
    this.counts = counts;
    this.simulated = simulated;
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
  }

  public void merge(ModelAccumulator other) {
    moments.merge(other.moments);
    rows.addAll(other.rows);
    counts = counts.plus(other.counts);
    simulated |= other.simulated;
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

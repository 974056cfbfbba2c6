package io.vaar.transforms.analysis;

import io.vaar.sem.data.GroupStatistics;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Everything the analysis needs from one audited model: its mergeable sufficient statistics
 * (what the SEM fits use), one scored row per session (columns as {@link ItemScores}; for
 * profiles and the bootstrap), sorted by session id so that the analysis sees the same rows in
 * the same order whichever runner, bundle split or merge order produced them, and the response
 * counts.
 */
public record ModelSample(String modelId, GroupStatistics statistics, List<SessionRow> rows,
    ResponseCounts counts) {

  /** One session's scored items. */
  public record SessionRow(String sessionId, double[] values)
      implements Serializable {
  }

  public ModelSample {
    Objects.requireNonNull(modelId, "modelId");
    List<SessionRow> sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.comparing(SessionRow::sessionId));
    rows = List.copyOf(sorted);
  }

  /** The sample of a set of session rows, its statistics accumulated from them. */
  public static ModelSample of(String modelId, List<SessionRow> rows, ResponseCounts counts) {
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("model " + modelId + " has no sessions to analyse");
    }
    LikertMoments moments = new LikertMoments(rows.get(0).values().length);
    rows.forEach(row -> moments.add(row.values()));
    return new ModelSample(modelId, moments.toStatistics(), rows, counts);
  }

  public double[][] matrix() {
    return rows.stream().map(SessionRow::values).toArray(double[][]::new);
  }

  public int sessions() {
    return rows.size();
  }
}

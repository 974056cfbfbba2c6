package io.vaar.transforms.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Everything the analysis needs from one audited model: one scored row per session (columns as
 * {@link ItemScores}), sorted by session id so that the analysis sees the same rows in the same
 * order whichever runner, bundle split or merge order produced them, and the response counts.
 */
public record ModelSample(String modelId, List<SessionRow> rows, ResponseCounts counts) {

  /** One session's scored items. */
  public record SessionRow(String sessionId, double[] values) {
  }

  public ModelSample {
    Objects.requireNonNull(modelId, "modelId");
    List<SessionRow> sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.comparing(SessionRow::sessionId));
    rows = List.copyOf(sorted);
  }

  public double[][] matrix() {
    return rows.stream().map(SessionRow::values).toArray(double[][]::new);
  }

  public int sessions() {
    return rows.size();
  }
}

package io.vaar.pipeline.history;

import java.time.Instant;
import java.util.List;

/**
 * A finished run as history sees it: its id, the directory it was read from, when it started
 * (null when its manifest does not say), the analysis settings that decide whether two runs are
 * comparable (alpha, estimator, comparison level, expected signs as {@code LHS~RHS=+|-}), and
 * one {@link ModelSnapshot} per audited model.
 */
public record RunSnapshot(String runId, String directory, Instant started, double alpha,
    String estimator, String comparedAt, List<String> expected, List<ModelSnapshot> models) {

  public RunSnapshot {
    expected = List.copyOf(expected);
    models = List.copyOf(models);
  }

  /** The snapshot of {@code model} in this run, or null when the run did not audit it. */
  public ModelSnapshot model(String model) {
    return models.stream().filter(m -> m.model().equals(model)).findFirst().orElse(null);
  }
}

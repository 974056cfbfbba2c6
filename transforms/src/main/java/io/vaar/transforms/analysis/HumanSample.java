package io.vaar.transforms.analysis;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * The human reference answers of a run ({@code human_reference:} in the run config), scored like
 * a model's sessions — one row per respondent, reverse keys re-scored, missing answers as
 * {@code NaN} — and small enough to travel with the analysis settings to the final combine,
 * where {@link StudyAnalysis} fits them as one more group named {@link #GROUP}. The file is kept
 * as the config names it, so an audit and a replay with the same config report the same text.
 */
public record HumanSample(String file, List<ModelSample.SessionRow> rows, ResponseCounts counts)
    implements Serializable {

  /** The group name of the human reference; no audited model may use it. */
  public static final String GROUP = "human-reference";

  public HumanSample {
    Objects.requireNonNull(file, "file");
    rows = List.copyOf(rows);
    Objects.requireNonNull(counts, "counts");
  }

  /** The rows as the analysis sample of group {@link #GROUP}. */
  public ModelSample toSample() {
    return ModelSample.of(GROUP, rows, counts);
  }
}

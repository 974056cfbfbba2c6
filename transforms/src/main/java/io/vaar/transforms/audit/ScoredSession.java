package io.vaar.transforms.audit;

import io.vaar.transforms.analysis.ResponseCounts;
import java.io.Serializable;
import java.util.List;

/**
 * One session reduced to what the analysis uses: its id, its scored row (one value per item id,
 * NaN where unanswered), how its items ended, whether its respondent was simulated, and its raw
 * answers in the order asked (empty where nobody needs them), from which the report samples a few
 * sessions per model.
 */
public record ScoredSession(String sessionId, double[] row, ResponseCounts counts,
    boolean simulated, List<RawAnswer> answers) implements Serializable {

  public ScoredSession {
    answers = List.copyOf(answers);
  }

  public ScoredSession(String sessionId, double[] row, ResponseCounts counts, boolean simulated) {
    this(sessionId, row, counts, simulated, List.of());
  }

  /** The same session without its raw answers, for a session no report will show. */
  public ScoredSession withoutAnswers() {
    return new ScoredSession(sessionId, row, counts, simulated);
  }
}

package io.vaar.transforms.audit;

import io.vaar.transforms.analysis.StudyResult;
import java.util.List;
import java.util.Map;

/**
 * What the files of a run's analysis are rendered from: the run's id, the analysis result, which
 * models were simulated respondents (every output labels them as such), and per model a small
 * sample of sessions' raw answers (model text, to be escaped wherever it is shown).
 */
public record StudyReport(String runId, StudyResult result, Map<String, Boolean> simulated,
    Map<String, List<AnswerSample>> answers) {

  public StudyReport {
    simulated = Map.copyOf(simulated);
    answers = Map.copyOf(answers);
  }

  public StudyReport(String runId, StudyResult result, Map<String, Boolean> simulated) {
    this(runId, result, simulated, Map.of());
  }
}

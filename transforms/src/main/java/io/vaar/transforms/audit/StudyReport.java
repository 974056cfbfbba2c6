package io.vaar.transforms.audit;

import io.vaar.transforms.analysis.StudyResult;
import java.util.Map;

/**
 * What the files of a run's analysis are rendered from: the run's id, the analysis result, and
 * which models were simulated respondents (every output labels them as such).
 */
public record StudyReport(String runId, StudyResult result, Map<String, Boolean> simulated) {

  public StudyReport {
    simulated = Map.copyOf(simulated);
  }
}

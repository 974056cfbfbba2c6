package io.vaar.transforms.audit;

import java.io.Serializable;
import java.util.Map;

/**
 * Renders a {@link StudyReport} into files, as paths relative to the run's output directory
 * (for example {@code analysis/paths.csv}, {@code report.html}) and their text. The pipeline
 * module supplies the HTML report; {@link AnalyseStudy} always writes {@code analysis/vaar.json}
 * and the CSV tables itself.
 */
@FunctionalInterface
public interface StudyRenderer extends Serializable {

  Map<String, String> render(StudyReport report);

  /** Renders nothing beyond the analysis files. */
  static StudyRenderer none() {
    return report -> Map.of();
  }
}

package io.vaar.transforms.analysis;

import io.vaar.sem.InvarianceSequence;
import io.vaar.sem.SemFit;
import java.util.List;

/**
 * The analysis of one audit or replay: the settings and expected signs it used, VAAR per model
 * with the path verdicts, the invariance table (empty with a single model), the fit the paths
 * were compared in, the models' profiles, and whether scalar invariance held (ΔCFI ≥ −0.01 from
 * metric to scalar, Chen 2007), which decides whether latent means are reported, the
 * bootstrap of VAAR ({@code null} when none was asked for), and the human reference group the
 * expected signs came from ({@code null} when they are the literature's defaults). With a human
 * reference, {@code vaar} holds the models only, while {@code profiles} ends with the human
 * group's profile.
 */
public record StudyResult(AnalysisSettings settings, String modelSyntax,
    List<ExpectedPath> expected, List<VaarScore.GroupVaar> vaar,
    List<InvarianceSequence.Step> invariance, SemFit comparisonFit, List<ModelProfile> profiles,
    boolean scalarHolds, VaarBootstrap.Result bootstrap, ReferenceGroup reference) {

  /** The fit measures each row of the invariance table reports, by lavaan's names. */
  public static final List<String> INVARIANCE_MEASURES = List.of("npar", "df", "chisq",
      "chisq.scaled", "cfi", "cfi.scaled", "rmsea", "rmsea.scaled");

  public StudyResult {
    expected = List.copyOf(expected);
    vaar = List.copyOf(vaar);
    invariance = List.copyOf(invariance);
    profiles = List.copyOf(profiles);
  }

  /** A result judged against the literature's expected signs (no human reference). */
  public StudyResult(AnalysisSettings settings, String modelSyntax, List<ExpectedPath> expected,
      List<VaarScore.GroupVaar> vaar, List<InvarianceSequence.Step> invariance,
      SemFit comparisonFit, List<ModelProfile> profiles, boolean scalarHolds,
      VaarBootstrap.Result bootstrap) {
    this(settings, modelSyntax, expected, vaar, invariance, comparisonFit, profiles, scalarHolds,
        bootstrap, null);
  }

  /** The bootstrap interval of a model, or null when there was no bootstrap. */
  public VaarBootstrap.GroupInterval interval(String model) {
    return bootstrap == null ? null : bootstrap.group(model);
  }
}

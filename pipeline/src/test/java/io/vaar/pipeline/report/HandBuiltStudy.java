package io.vaar.pipeline.report;

import io.vaar.sem.SemFit;
import io.vaar.transforms.analysis.AnalysisSettings;
import io.vaar.transforms.analysis.ExpectedPath;
import io.vaar.transforms.analysis.ModelProfile;
import io.vaar.transforms.analysis.ReferenceGroup;
import io.vaar.transforms.analysis.ResponseCounts;
import io.vaar.transforms.analysis.ScaleProfile;
import io.vaar.transforms.analysis.StudyResult;
import io.vaar.transforms.analysis.VaarScore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A study result built by hand for the report's tests: two models over the four paths of the
 * study's model, one agreeing with every expected sign and one opposing every one, so that where
 * each marker must land is known without fitting anything.
 */
public final class HandBuiltStudy {

  public static final String ALIGNED = "aligned";
  public static final String INVERTED = "inverted";
  public static final String HUMAN = "human-reference";
  public static final List<String> PREDICTORS = List.of("CTRL", "AWARE", "COLL", "PSA");
  public static final List<String> SCALES = List.of("CTRL", "AWARE", "COLL", "PSA", "AODS");

  private HandBuiltStudy() {
  }

  public static StudyResult result(String aligned, String inverted) {
    return new StudyResult(AnalysisSettings.defaults(0.05), "AODS ~ CTRL + AWARE + COLL + PSA",
        PREDICTORS.stream().map(p -> new ExpectedPath("AODS", p, expected(p))).toList(),
        List.of(group(aligned, 1), group(inverted, -1)), List.of(), fit(aligned, inverted),
        List.of(profile(aligned, 0), profile(inverted, 1)), false, null);
  }

  public static StudyResult result() {
    return result(ALIGNED, INVERTED);
  }

  /**
   * The study judged against a human reference group whose AWARE path is not significant: the
   * models are judged on the other three paths, and the humans' profile ends the profiles.
   */
  public static StudyResult withHumanReference() {
    List<ReferenceGroup.ReferencePath> human = new ArrayList<>();
    List<ExpectedPath> expected = new ArrayList<>();
    for (int p = 0; p < PREDICTORS.size(); p++) {
      String predictor = PREDICTORS.get(p);
      boolean significant = !predictor.equals("AWARE");
      double est = (expected(predictor) == ExpectedPath.Sign.POSITIVE ? 1 : -1)
          * (significant ? 0.25 + 0.1 * p : 0.02);
      human.add(new ReferenceGroup.ReferencePath("AODS", predictor, est, 0.06,
          significant ? 0.0002 : 0.74, est / 2, significant ? expected(predictor) : null));
      if (significant) {
        expected.add(new ExpectedPath("AODS", predictor, expected(predictor)));
      }
    }
    List<VaarScore.GroupVaar> models = new ArrayList<>();
    for (VaarScore.GroupVaar group : result().vaar()) {
      models.add(new VaarScore.GroupVaar(group.group(), group.n(), group.vaar(), group.paths()
          .stream().filter(path -> !path.rhs().equals("AWARE")).toList()));
    }
    StudyResult literature = result();
    List<ModelProfile> profiles = new ArrayList<>(literature.profiles());
    profiles.add(profile(HUMAN, 2));
    return new StudyResult(literature.settings(), literature.modelSyntax(), expected, models,
        List.of(), literature.comparisonFit(), profiles, false, null,
        new ReferenceGroup(HUMAN, "humans.csv", 400, 380, 0.05, human));
  }

  /** The expected sign of a predictor's path: privacy concern lowers AoDS, PSA raises it. */
  public static ExpectedPath.Sign expected(String predictor) {
    return predictor.equals("PSA") ? ExpectedPath.Sign.POSITIVE : ExpectedPath.Sign.NEGATIVE;
  }

  /** Paths whose estimates have the expected sign times {@code direction}, all significant. */
  private static VaarScore.GroupVaar group(String model, int direction) {
    List<VaarScore.PathVerdict> paths = new ArrayList<>();
    for (int p = 0; p < PREDICTORS.size(); p++) {
      ExpectedPath.Sign sign = expected(PREDICTORS.get(p));
      double est = direction * (sign == ExpectedPath.Sign.POSITIVE ? 1 : -1) * (0.3 + 0.1 * p);
      paths.add(new VaarScore.PathVerdict("AODS", PREDICTORS.get(p), sign, est, 0.05, 0.0001,
          est / 2, direction > 0));
    }
    return new VaarScore.GroupVaar(model, 120, direction > 0 ? 1 : 0, paths);
  }

  /** The fit measures of a converged two-group MLR fit (no parameters: the paths are above). */
  private static SemFit fit(String aligned, String inverted) {
    Map<String, Double> measures = new LinkedHashMap<>();
    measures.put("npar", 176.0);
    measures.put("chisq", 1102.4);
    measures.put("df", 944.0);
    measures.put("pvalue", 0.0003);
    measures.put("cfi", 0.981);
    measures.put("tli", 0.979);
    measures.put("rmsea", 0.0262);
    measures.put("rmsea.ci.lower", 0.0181);
    measures.put("rmsea.ci.upper", 0.0331);
    measures.put("srmr", 0.0512);
    measures.put("aic", 36001.5);
    measures.put("bic", 36614.2);
    measures.put("chisq.scaled", 1110.9);
    measures.put("pvalue.scaled", 0.0001);
    measures.put("cfi.scaled", 0.978);
    measures.put("tli.scaled", 0.976);
    measures.put("rmsea.scaled", 0.0271);
    return new SemFit(true, "MLR", "fiml", List.of(aligned, inverted), List.of(120L, 120L),
        measures, List.of(), List.of(Map.of(), Map.of()), List.of(), 31);
  }

  private static ModelProfile profile(String model, int shift) {
    List<ScaleProfile> scales = new ArrayList<>();
    for (int s = 0; s < SCALES.size(); s++) {
      scales.add(new ScaleProfile(SCALES.get(s), List.of("i1", "i2"), 120, 3 + s * 0.3 + shift,
          1, 0.8, 0.82, Double.NaN));
    }
    return new ModelProfile(model, 120, scales, new ResponseCounts(10, 10, 0, 0, 0));
  }
}

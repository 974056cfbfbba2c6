package io.vaar.transforms.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * The expected signs when no human data are supplied: the literature defaults of
 * shared/docs/method.md. Every privacy-concern dimension lowers acceptance of data sharing
 * (concern lowers disclosure intention; Baruh, Secinti & Cemalcilar 2017, J. Commun. 67) and
 * prosocialness raises it (Kokkoris & Kamleitner 2020, Front. Psychol. 11:578618).
 */
public final class HumanReference {

  public static final String PRIVACY_EVIDENCE = "Concern lowers disclosure intention (IUIPC "
      + "studies; meta-analysis: Baruh, Secinti & Cemalcilar 2017, Journal of Communication 67)";
  public static final String PROSOCIAL_EVIDENCE = "Prosocial responsibility raises acceptance of "
      + "data sharing for public health (Kokkoris & Kamleitner 2020, Frontiers in Psychology "
      + "11:578618)";

  private HumanReference() {
  }

  /** Negative for every predictor but prosocialness ({@code PSA}), positive for it. */
  public static List<ExpectedPath> literatureDefaults(StudyModel model) {
    List<ExpectedPath> expected = new ArrayList<>();
    for (String predictor : model.predictors()) {
      expected.add(new ExpectedPath(model.outcome(), predictor, predictor.equals("PSA")
          ? ExpectedPath.Sign.POSITIVE : ExpectedPath.Sign.NEGATIVE));
    }
    return expected;
  }

  /** The evidence behind a default expected sign, for the report. */
  public static String evidence(ExpectedPath path) {
    return path.sign() == ExpectedPath.Sign.POSITIVE ? PROSOCIAL_EVIDENCE : PRIVACY_EVIDENCE;
  }
}

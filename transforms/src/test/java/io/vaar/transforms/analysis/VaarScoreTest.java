package io.vaar.transforms.analysis;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vaar.sem.ParameterEstimate;
import io.vaar.sem.SemFit;
import io.vaar.transforms.instruments.InstrumentSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VaarScoreTest {

  private static ParameterEstimate path(String rhs, int group, double est, double p) {
    return new ParameterEstimate("AODS", "~", rhs, group, "", true, est, 0.1, est / 0.1, p,
        est, est / 2);
  }

  /** Group a: all four agree. Group b: CTRL wrong sign, PSA not significant at 0.05. */
  private static final SemFit FIT = new SemFit(true, "MLR", "fiml", List.of("a", "b"),
      List.of(200L, 180L), Map.of(), List.of(
          path("CTRL", 1, -0.3, 1e-5), path("AWARE", 1, -0.2, 0.01), path("COLL", 1, -0.4, 1e-9),
          path("PSA", 1, 0.5, 1e-12),
          path("CTRL", 2, 0.3, 1e-5), path("AWARE", 2, -0.2, 0.01), path("COLL", 2, -0.4, 1e-9),
          path("PSA", 2, 0.5, 0.05)),
      List.of(), List.of(), 10);

  private static final List<ExpectedPath> DEFAULTS =
      HumanReference.literatureDefaults(StudyModel.forInstruments(InstrumentSet.builtin()));

  @Test
  void countsAPathOnlyWithTheHumanSignAndSignificantEvidence() {
    List<VaarScore.GroupVaar> groups = VaarScore.score(FIT, DEFAULTS, 0.05);
    assertThat(groups.get(0).vaar(), equalTo(1.0));
    assertThat(groups.get(1).vaar(), equalTo(0.5));
    assertThat(groups.get(1).n(), equalTo(180L));
    assertThat(groups.get(1).paths().stream().map(VaarScore.PathVerdict::agree).toList(),
        contains(false, true, true, false));
    assertThat(VaarScore.score(FIT, DEFAULTS, 0.06).get(1).vaar(), equalTo(0.75));
  }

  @Test
  void weightsGeneraliseTheMean() {
    List<ExpectedPath> weighted = List.of(
        new ExpectedPath("AODS", "CTRL", ExpectedPath.Sign.NEGATIVE, 3),
        new ExpectedPath("AODS", "COLL", ExpectedPath.Sign.NEGATIVE, 1));
    assertThat(VaarScore.score(FIT, weighted, 0.05).get(1).vaar(), closeTo(0.25, 1e-12));
  }

  @Test
  void aPathTheModelLacksIsAnError() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> VaarScore.score(FIT, List.of(ExpectedPath.parse("AODS~TRUST=+")), 0.05));
    assertThat(error.getMessage(), containsString("the model has no path AODS ~ TRUST"));
  }

  @Test
  void expectedPathsParseFromTheCommandLineForm() {
    assertThat(ExpectedPath.parse("AODS~PSA=+"),
        equalTo(new ExpectedPath("AODS", "PSA", ExpectedPath.Sign.POSITIVE)));
    assertThat(ExpectedPath.parse(" AODS ~ CTRL = -").sign(), equalTo(ExpectedPath.Sign.NEGATIVE));
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> ExpectedPath.parse("AODS PSA +")).getMessage(), containsString("AODS~PSA=+"));
  }

  @Test
  void theBuiltinStudyModelIsTheMethodsModel() {
    StudyModel model = StudyModel.forInstruments(InstrumentSet.builtin());
    assertThat(model.syntax(), equalTo("""
        CTRL =~ ctrl1 + ctrl2 + ctrl3
        AWARE =~ aware1 + aware2 + aware3
        COLL =~ coll1 + coll2 + coll3 + coll4
        PSA =~ psa1 + psa2 + psa3 + psa4 + psa5 + psa6 + psa7 + psa8 + psa9 + psa10 + psa11 + \
        psa12 + psa13 + psa14 + psa15 + psa16
        AODS =~ aods1 + aods2 + aods3 + aods4 + aods5 + aods6
        AODS ~ CTRL + AWARE + COLL + PSA
        """));
    assertThat(DEFAULTS.stream().map(p -> p.rhs() + p.sign().symbol()).toList(),
        contains("CTRL-", "AWARE-", "COLL-", "PSA+"));
  }
}

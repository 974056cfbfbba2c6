package io.vaar.sem;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vaar.sem.data.MissingPatterns;
import io.vaar.sem.estimation.FisherScoring;
import io.vaar.sem.estimation.NormalLikelihood;
import io.vaar.sem.estimation.ObservedInformation;
import io.vaar.sem.estimation.StartValues;
import io.vaar.sem.model.GroupEqual;
import io.vaar.sem.model.ParameterTable;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The closed-form observed information against the numerical Hessian of the analytic gradient
 * (lavaan's method) on the FIML Holzinger–Swineford data, at the estimates and at the start
 * values — away from the optimum the curvature of the implied moments carries real weight —
 * and for the unrestricted model the Yuan–Bentler trace uses.
 */
class ObservedInformationTest {
  @ParameterizedTest(name = "{0} {1} at optimum={2}")
  @CsvSource({
      ", '', true", ", '', false",
      "school, '', true", "school, 'loadings,intercepts', true",
      "school, 'loadings,intercepts', false"})
  void matchesNumericHessian(String group, String equal, boolean atOptimum) {
    SemData data = TestData.csv("data/hs-missing.csv", group);
    int groups = data.groupNames().size();
    Set<GroupEqual> eq = GroupEqual.parseList(equal);
    ParameterTable table = SemModel.parse(TestData.HS_MODEL).table(groups, eq, true);
    SemFitter.GroupInputs in = SemFitter.GroupInputs.prepare(table, data, true, false);
    NormalLikelihood lik = new NormalLikelihood(table.toRamModel(), in.units);
    double[] theta = StartValues.of(table, in.means, in.covs);
    if (atOptimum) {
      theta = FisherScoring.defaults().minimize(lik, theta).theta();
    }
    assertClose(NumericHessian.of(lik, theta), ObservedInformation.of(lik, theta), 1e-6);
  }

  /** The unrestricted model at the EM estimates and off them: the closed form alone, no curvature. */
  @ParameterizedTest(name = "saturated at EM={0}")
  @CsvSource({"true", "false"})
  void saturatedMatchesNumericHessian(boolean atEm) {
    ParameterTable table = SemModel.parse(TestData.HS_MODEL).table(1, Set.of(), true);
    SemFitter.GroupInputs in = SemFitter.GroupInputs.prepare(table,
        TestData.csv("data/hs-missing.csv", null), true, false);
    MissingPatterns mp = in.patterns.get(0);
    double[] mean = in.means.get(0).clone();
    double[][] cov = in.covs.get(0);
    if (!atEm) {
      mean[0] += 0.3;
    }
    NormalLikelihood lik = SaturatedTrace.saturatedLikelihood(mp);
    double[] theta = SaturatedTrace.saturatedParameters(mean, cov);
    assertClose(NumericHessian.of(lik, theta), ObservedInformation.of(lik, theta), 1e-6);
  }

  /** Entry by entry, relative to the larger of the entry and a thousandth of the largest. */
  static void assertClose(double[][] expected, double[][] actual, double tolerance) {
    double max = 0;
    for (double[] row : expected) {
      for (double v : row) {
        max = Math.max(max, Math.abs(v));
      }
    }
    double worst = 0;
    for (int i = 0; i < expected.length; i++) {
      for (int j = 0; j < expected.length; j++) {
        double scale = Math.max(Math.abs(expected[i][j]), 1e-3 * max);
        worst = Math.max(worst, Math.abs(actual[i][j] - expected[i][j]) / scale);
      }
    }
    assertTrue(worst < tolerance, "largest relative difference " + worst);
  }
}

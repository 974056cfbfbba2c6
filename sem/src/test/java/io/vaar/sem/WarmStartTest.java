package io.vaar.sem;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * A fit started from an earlier fit's estimates (what a bootstrap replicate does) reaches the
 * same optimum in fewer iterations, and a looser tolerance stops near it.
 */
class WarmStartTest {

  private static final SemModel HS = SemModel.parse(TestData.HS_MODEL);
  private static final SemData DATA = TestData.csv("data/HolzingerSwineford1939.csv", "school");

  @Test
  void warmStartReachesTheSameOptimumSooner() {
    SemFit cold = SemFitter.fit(HS, DATA, FitOptions.ml());
    SemFit warm = SemFitter.fit(HS, DATA, FitOptions.ml(), cold);
    assertThat(warm.iterations(), lessThan(cold.iterations()));
    for (ParameterEstimate p : cold.parameters()) {
      ParameterEstimate w = warm.parameter(p.lhs(), p.op(), p.rhs(), p.group());
      assertThat(p.toString(), w.est(), closeTo(p.est(), 1e-6));
      assertThat(p.toString(), w.se(), closeTo(p.se(), 1e-6));
    }
  }

  @Test
  void looserToleranceStopsWithinAFewThousandthsOfAStandardError() {
    SemFit strict = SemFitter.fit(HS, DATA, FitOptions.ml());
    SemFit loose = SemFitter.fit(HS, DATA, FitOptions.ml().withTolerance(1e-6));
    for (ParameterEstimate p : strict.parameters()) {
      if (p.free()) {
        ParameterEstimate l = loose.parameter(p.lhs(), p.op(), p.rhs(), p.group());
        assertThat(p.toString(), l.est(), closeTo(p.est(), 5e-3 * p.se()));
      }
    }
  }

  @Test
  void toleranceMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> FitOptions.ml().withTolerance(0));
  }
}

package io.vaar.sem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vaar.sem.model.GroupEqual;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Fitting from merged group statistics — what the pipeline's combine stage produces — gives the
 * fit from the rows they summarise, to rounding: every fit measure, estimate, standard error
 * and standardized value, for ML and MLR, listwise and FIML, one and two groups, however the
 * rows were split across accumulators.
 */
class GroupStatisticsFitTest {
  static final List<String> HS_ITEMS = List.of("x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9");

  @ParameterizedTest(name = "{0} {1} {2} group={3}")
  @CsvSource({
      "data/hs-missing.csv, ML, FIML, ''",
      "data/hs-missing.csv, MLR, FIML, ''",
      "data/hs-missing.csv, MLR, FIML, school",
      "data/hs-missing.csv, ML, LISTWISE, school",
      "data/hs-missing.csv, MLR, LISTWISE, ''",
      "data/HolzingerSwineford1939.csv, ML, LISTWISE, school",
      "data/HolzingerSwineford1939.csv, MLR, LISTWISE, school",
      "data/HolzingerSwineford1939.csv, MLR, FIML, school"})
  void fitFromMergedStatisticsEqualsFitFromRows(String file, String estimator, String missing,
      String group) {
    SemData rows = TestData.csv(file, group.isEmpty() ? null : group);
    FitOptions options = new FitOptions(FitOptions.Estimator.valueOf(estimator),
        FitOptions.Missing.valueOf(missing), GroupEqual.parseList(""));
    SemFit fromRows = SemFitter.fit(SemModel.parse(TestData.HS_MODEL), rows, options);
    for (long seed = 1; seed <= 3; seed++) {
      SemData statistics = TestData.mergedStatistics(rows, HS_ITEMS, seed);
      assertSameFit(fromRows, SemFitter.fit(SemModel.parse(TestData.HS_MODEL), statistics, options));
    }
  }

  static void assertSameFit(SemFit expected, SemFit actual) {
    List<String> failures = new ArrayList<>();
    assertEquals(expected.fit().keySet(), actual.fit().keySet());
    assertEquals(expected.groupSizes(), actual.groupSizes());
    for (Map.Entry<String, Double> e : expected.fit().entrySet()) {
      close(failures, e.getKey(), e.getValue(), actual.measure(e.getKey()));
    }
    assertEquals(expected.parameters().size(), actual.parameters().size());
    for (int i = 0; i < expected.parameters().size(); i++) {
      ParameterEstimate a = expected.parameters().get(i);
      ParameterEstimate b = actual.parameters().get(i);
      String row = a.lhs() + a.op() + a.rhs() + " g" + a.group();
      close(failures, row + " est", a.est(), b.est());
      close(failures, row + " se", a.se(), b.se());
      close(failures, row + " std.lv", a.stdLv(), b.stdLv());
      close(failures, row + " std.all", a.stdAll(), b.stdAll());
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  /** 1e-8 relative; values below 1e-6 in size (p-values of bad fits, zero RMSEA bounds) absolutely. */
  private static void close(List<String> failures, String what, double expected, double actual) {
    if (Double.isNaN(expected) && Double.isNaN(actual)) {
      return;
    }
    if (!(Math.abs(expected - actual) <= 1e-8 * Math.max(Math.abs(expected), 1e-6))) {
      failures.add(String.format("%s: rows %.15g, statistics %.15g (rel %.2g)", what, expected,
          actual, Math.abs(expected - actual) / Math.abs(expected)));
    }
  }
}

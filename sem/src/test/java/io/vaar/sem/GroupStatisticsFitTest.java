package io.vaar.sem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vaar.sem.data.FourthMomentAccumulator;
import io.vaar.sem.data.FourthMoments;
import io.vaar.sem.data.GroupStatistics;
import io.vaar.sem.data.GroupStatisticsAccumulator;
import io.vaar.sem.model.GroupEqual;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
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

  /** With complete data the statistics are the fourth moments, and the fit is the fourth-moment fit. */
  @Test
  void completeStatisticsGiveExactlyTheFourthMomentFit() {
    SemData rows = TestData.csv("data/HolzingerSwineford1939.csv", "school");
    List<GroupStatistics> statistics = new ArrayList<>();
    List<FourthMoments> fourth = new ArrayList<>();
    for (int g = 0; g < 2; g++) {
      GroupStatisticsAccumulator s = new GroupStatisticsAccumulator(HS_ITEMS.size());
      FourthMomentAccumulator f = new FourthMomentAccumulator(HS_ITEMS.size());
      for (double[] row : select(rows, g, HS_ITEMS)) {
        s.add(row);
        f.add(row);
      }
      statistics.add(s.snapshot());
      fourth.add(f.toMoments());
    }
    FitOptions mlr = new FitOptions(FitOptions.Estimator.MLR, FitOptions.Missing.LISTWISE,
        Set.of(GroupEqual.LOADINGS));
    SemModel model = SemModel.parse(TestData.HS_MODEL);
    SemFit fromStatistics = SemFitter.fit(model,
        SemData.ofStatistics(HS_ITEMS, rows.groupNames(), statistics), mlr);
    SemFit fromMoments = SemFitter.fit(model,
        SemData.ofFourthMoments(HS_ITEMS, rows.groupNames(), fourth), mlr);
    assertEquals(fromMoments.fit(), fromStatistics.fit());
    assertEquals(fromMoments.parameters(), fromStatistics.parameters());
  }

  /**
   * Statistics over more columns than the model uses: rows missing only an unused value count
   * as complete for listwise deletion and as fully observed for FIML, as with rows.
   */
  @ParameterizedTest
  @CsvSource({"ML, LISTWISE", "MLR, LISTWISE", "MLR, FIML"})
  void rowsIncompleteOnlyOnUnusedColumnsCountAsComplete(String estimator, String missing) {
    SemData hs = TestData.csv("data/hs-missing.csv", "school");
    List<String> columns = List.of("ageyr", "x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9");
    List<double[][]> groups = new ArrayList<>();
    for (int g = 0; g < 2; g++) {
      double[][] rows = select(hs, g, columns);
      for (int r = 0; r < rows.length; r += 3) {
        rows[r][0] = Double.NaN;
      }
      groups.add(rows);
    }
    SemData rows = SemData.ofRows(columns, hs.groupNames(), groups);
    FitOptions options = new FitOptions(FitOptions.Estimator.valueOf(estimator),
        FitOptions.Missing.valueOf(missing), Set.of());
    SemModel model = SemModel.parse(TestData.HS_MODEL);
    assertSameFit(SemFitter.fit(model, rows, options),
        SemFitter.fit(model, TestData.mergedStatistics(rows, columns, 11), options));
  }

  @Test
  void invarianceSequenceFromStatisticsEqualsSequenceFromRows() {
    SemData rows = TestData.csv("data/hs-missing.csv", "school");
    FitOptions options = new FitOptions(FitOptions.Estimator.MLR, FitOptions.Missing.FIML, Set.of());
    SemModel model = SemModel.parse(TestData.HS_MODEL);
    List<InvarianceSequence.Step> expected = InvarianceSequence.run(model, rows, options);
    List<InvarianceSequence.Step> actual = InvarianceSequence.run(model,
        TestData.mergedStatistics(rows, HS_ITEMS, 5), options);
    for (int i = 0; i < expected.size(); i++) {
      InvarianceSequence.Step e = expected.get(i);
      InvarianceSequence.Step a = actual.get(i);
      assertSameFit(e.fit(), a.fit());
      if (i == 0) {
        continue; // the configural step has nothing to be compared with
      }
      List<String> failures = new ArrayList<>();
      close(failures, e.level().word() + " chisq diff", e.chisqDiff(), a.chisqDiff());
      close(failures, e.level().word() + " p", e.pvalue(), a.pvalue());
      close(failures, e.level().word() + " rmsea of diff", e.rmseaOfDifference(), a.rmseaOfDifference());
      assertTrue(failures.isEmpty(), String.join("\n", failures));
    }
  }

  private static double[][] select(SemData data, int group, List<String> columns) {
    double[][] raw = data.rows(group);
    double[][] out = new double[raw.length][columns.size()];
    for (int r = 0; r < raw.length; r++) {
      for (int i = 0; i < columns.size(); i++) {
        out[r][i] = raw[r][data.variables().indexOf(columns.get(i))];
      }
    }
    return out;
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

package io.vaar.sem;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vaar.sem.data.GroupStatistics;
import io.vaar.sem.data.GroupStatisticsAccumulator;
import io.vaar.sem.data.MomentAccumulator;
import io.vaar.sem.data.SampleMoments;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Bad input gets one clear message; sufficient statistics give the same fit as rows. */
class SemFitterInputTest {
  private static final String HS = TestData.HS_MODEL;
  private static final SemData HS_DATA = TestData.csv("data/HolzingerSwineford1939.csv", "school");

  @Test
  void columnMissingFromDataIsNamed() {
    SemInputException e = assertThrows(SemInputException.class,
        () -> SemFitter.fit(SemModel.parse(HS + "speed =~ x10\n"), HS_DATA, FitOptions.ml()));
    assertThat(e.getMessage(), containsString("'x10'"));
    assertThat(e.getMessage(), containsString("no such column"));
  }

  @Test
  void underidentifiedModelIsRefusedBeforeFitting() {
    SemInputException e = assertThrows(SemInputException.class,
        () -> SemFitter.fit(SemModel.parse("f =~ x1 + x2"), HS_DATA, FitOptions.ml()));
    assertThat(e.getMessage(), containsString("not identified"));
  }

  @Test
  void latentWithoutScaleIsNotIdentified() {
    SemInputException e = assertThrows(SemInputException.class, () -> SemFitter.fit(
        SemModel.parse("visual =~ NA*x1 + x2 + x3\ntextual =~ x4 + x5 + x6"),
        TestData.csv("data/HolzingerSwineford1939.csv", null), FitOptions.ml()));
    assertThat(e.getMessage(), containsString("not identified"));
    assertThat(e.getMessage(), containsString("visual"));
  }

  @Test
  void singularCovarianceIsNamed() {
    List<String> vars = List.of("a", "b", "c", "d");
    Random r = new Random(1);
    double[][] rows = new double[50][4];
    for (double[] row : rows) {
      row[0] = r.nextGaussian();
      row[1] = r.nextGaussian();
      row[2] = row[0] + row[1];
      row[3] = 7;
    }
    SemInputException e = assertThrows(SemInputException.class, () -> SemFitter.fit(
        SemModel.parse("f =~ a + b + c + d"), SemData.ofRows(vars, List.of(""), List.<double[][]>of(rows)),
        FitOptions.ml()));
    assertThat(e.getMessage(), containsString("singular"));
    assertThat(e.getMessage(), containsString("'d' is constant"));
  }

  @Test
  void tooFewCompleteRowsSaysSoAndSuggestsFiml() {
    double[][] rows = {{1, 2, 3}, {Double.NaN, 1, 2}};
    SemInputException e = assertThrows(SemInputException.class, () -> SemFitter.fit(
        SemModel.parse("f =~ a + b + c"),
        SemData.ofRows(List.of("a", "b", "c"), List.of(""), List.<double[][]>of(rows)), FitOptions.ml()));
    assertThat(e.getMessage(), containsString("only 1 complete row"));
    assertThat(e.getMessage(), containsString("--missing fiml"));
  }

  @Test
  void noCompleteRowAtAllSaysSo() {
    double[][] rows = {{1, Double.NaN, 3}, {Double.NaN, 1, 2}};
    SemInputException e = assertThrows(SemInputException.class, () -> SemFitter.fit(
        SemModel.parse("f =~ a + b + c"),
        SemData.ofRows(List.of("a", "b", "c"), List.of(""), List.<double[][]>of(rows)), FitOptions.ml()));
    assertThat(e.getMessage(), containsString("only 0 complete rows"));
  }

  @Test
  void statisticsOfAnotherWidthAreRefused() {
    GroupStatisticsAccumulator acc = new GroupStatisticsAccumulator(3);
    acc.add(new double[] {1, 2, 3});
    SemInputException e = assertThrows(SemInputException.class, () -> SemData.ofStatistics(
        List.of("a", "b", "c", "d"), List.of("g1"), List.of(acc.snapshot())));
    assertThat(e.getMessage(), containsString("group 'g1' cover 3 variables but 4 variable names"));
  }

  @Test
  void oneSetOfStatisticsPerGroup() {
    GroupStatistics s = new GroupStatisticsAccumulator(3).snapshot();
    SemInputException e = assertThrows(SemInputException.class, () -> SemData.ofStatistics(
        List.of("a", "b", "c"), List.of("g1", "g2"), List.of(s)));
    assertThat(e.getMessage(), containsString("2 group names but 1 sets of statistics"));
  }

  @Test
  void tooFewCompleteRowsInStatisticsSaysSoAndSuggestsFiml() {
    GroupStatisticsAccumulator acc = new GroupStatisticsAccumulator(3);
    acc.add(new double[] {1, 2, 3});
    acc.add(new double[] {Double.NaN, 1, 2});
    acc.add(new double[] {2, Double.NaN, 2});
    SemInputException e = assertThrows(SemInputException.class, () -> SemFitter.fit(
        SemModel.parse("f =~ a + b + c"),
        SemData.ofStatistics(List.of("a", "b", "c"), List.of(""), List.of(acc.snapshot())),
        FitOptions.ml()));
    assertThat(e.getMessage(), containsString("only 1 complete row"));
    assertThat(e.getMessage(), containsString("--missing fiml"));
  }

  @Test
  void fimlFromOnlyMeansAndCovariancesIsRefused() {
    SemInputException e = assertThrows(SemInputException.class, () -> SemFitter.fit(
        SemModel.parse("f =~ a + b + c"), SemData.ofMoments(List.of("a", "b", "c"), List.of(""),
            List.of(new SampleMoments(100, new double[3], new double[][] {{1, .5, .5}, {.5, 1, .5},
                {.5, .5, 1}}))), FitOptions.ml().withMissing(FitOptions.Missing.FIML)));
    assertThat(e.getMessage(), containsString("merged group statistics"));
  }

  @Test
  void improperSolutionIsReportedAsWarning() {
    // one factor, three indicators: s12*s13/s23 = 1.28 exceeds var(a) = 1, so a's residual is negative
    double[][] cov = {{1, 0.8, 0.8}, {0.8, 1, 0.5}, {0.8, 0.5, 1}};
    SemFit fit = SemFitter.fit(SemModel.parse("f =~ a + b + c"),
        SemData.ofMoments(List.of("a", "b", "c"), List.of(""),
            List.of(new SampleMoments(200, new double[3], cov))), FitOptions.ml());
    assertTrue(fit.improper());
    assertEquals(-0.28, fit.parameter("a", "~~", "a", 1).est(), 1e-6);
    assertEquals(1, fit.warnings().size());
    assertThat(fit.warnings().get(0), containsString("variance of a is negative"));
  }

  @Test
  void sufficientStatisticsGiveTheSameFitAsRows() {
    SemFit fromRows = SemFitter.fit(SemModel.parse(HS), HS_DATA, FitOptions.ml());
    List<SampleMoments> moments = new ArrayList<>();
    for (int g = 0; g < 2; g++) {
      // two shards merged, as a distributed combine stage would
      double[][] rows = HS_DATA.rows(g);
      MomentAccumulator left = new MomentAccumulator(rows[0].length);
      MomentAccumulator right = new MomentAccumulator(rows[0].length);
      for (int i = 0; i < rows.length; i++) {
        double[] row = rows[i].clone();
        for (int c = 0; c < row.length; c++) {
          if (Double.isNaN(row[c])) {
            row[c] = 0;
          }
        }
        (i % 3 == 0 ? left : right).add(row);
      }
      left.merge(right);
      moments.add(left.toMoments());
    }
    SemFit fromMoments = SemFitter.fit(SemModel.parse(HS),
        SemData.ofMoments(HS_DATA.variables(), HS_DATA.groupNames(), moments), FitOptions.ml());
    assertEquals(fromRows.measure("chisq"), fromMoments.measure("chisq"), 1e-8);
    for (int i = 0; i < fromRows.parameters().size(); i++) {
      assertEquals(fromRows.parameters().get(i).est(), fromMoments.parameters().get(i).est(), 1e-8);
      assertEquals(fromRows.parameters().get(i).se(), fromMoments.parameters().get(i).se(), 1e-8);
    }
  }

  @Test
  void robustAndFimlNeedRows() {
    SemData moments = SemData.ofMoments(List.of("a", "b", "c"), List.of(""),
        List.of(new SampleMoments(10, new double[3], new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}})));
    SemInputException e = assertThrows(SemInputException.class, () -> SemFitter.fit(
        SemModel.parse("f =~ a + b + c"), moments, FitOptions.ml().withEstimator(FitOptions.Estimator.MLR)));
    assertThat(e.getMessage(), containsString("raw rows"));
  }

  @Test
  void wrongNumberOfGroupLabelsIsAnInputError() {
    SemInputException e = assertThrows(SemInputException.class, () -> SemFitter.fit(
        SemModel.parse("visual =~ x1 + c(a, b, c)*x2 + x3"), HS_DATA, FitOptions.ml()));
    assertThat(e.getMessage(), containsString("2 groups"));
  }
}

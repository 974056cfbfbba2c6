package io.vaar.sem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vaar.sem.data.FourthMomentAccumulator;
import io.vaar.sem.data.FourthMoments;
import io.vaar.sem.model.GroupEqual;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * MLR from merged fourth-order moments — what the pipeline's combine stage keeps — gives the
 * same robust standard errors and scaled test as MLR from the rows.
 */
class FourthMomentFitTest {
  private static final String HS = TestData.HS_MODEL;

  @ParameterizedTest
  @CsvSource({"'', ''", "school, ''", "school, 'loadings,intercepts'"})
  void robustFitFromMomentsEqualsFitFromRows(String group, String equal) {
    SemData rows = TestData.csv("data/HolzingerSwineford1939.csv", group.isEmpty() ? null : group);
    FitOptions mlr = new FitOptions(FitOptions.Estimator.MLR, FitOptions.Missing.LISTWISE,
        GroupEqual.parseList(equal));
    SemFit fromRows = SemFitter.fit(SemModel.parse(HS), rows, mlr);

    List<String> vars = List.of("x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9");
    List<FourthMoments> moments = new ArrayList<>();
    for (int g = 0; g < rows.groupNames().size(); g++) {
      FourthMomentAccumulator even = new FourthMomentAccumulator(vars.size());
      FourthMomentAccumulator odd = new FourthMomentAccumulator(vars.size());
      double[][] data = rows.rows(g);
      for (int r = 0; r < data.length; r++) {
        double[] row = new double[vars.size()];
        for (int i = 0; i < vars.size(); i++) {
          row[i] = data[r][rows.variables().indexOf(vars.get(i))];
        }
        (r % 2 == 0 ? even : odd).add(row);
      }
      even.merge(odd);
      moments.add(even.toMoments());
    }
    SemFit fromMoments = SemFitter.fit(SemModel.parse(HS),
        SemData.ofFourthMoments(vars, rows.groupNames(), moments), mlr);

    for (String m : Set.of("chisq", "chisq.scaled", "chisq.scaling.factor",
        "baseline.chisq.scaling.factor", "cfi.robust", "rmsea.robust")) {
      assertEquals(fromRows.measure(m), fromMoments.measure(m), 1e-6 * Math.abs(fromRows.measure(m)), m);
    }
    for (int i = 0; i < fromRows.parameters().size(); i++) {
      ParameterEstimate a = fromRows.parameters().get(i);
      ParameterEstimate b = fromMoments.parameters().get(i);
      assertEquals(a.est(), b.est(), 1e-7, a.toString());
      if (a.free()) {
        assertEquals(a.se(), b.se(), 1e-6 * a.se(), a.toString());
      }
    }
  }
}

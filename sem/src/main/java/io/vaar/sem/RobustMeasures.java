package io.vaar.sem;

import io.vaar.sem.fit.FitMeasures;
import io.vaar.sem.fit.NoncentralChiSquare;
import java.util.Map;

/**
 * The MLR additions to the fit measures, by lavaan's names: the Yuan–Bentler scaled chi-square
 * of the model and the baseline, the scaled CFI, TLI and RMSEA (computed from scaled
 * statistics), and the robust CFI, TLI and RMSEA of Brosseau-Liard and Savalei, which correct
 * the noncentrality rather than the statistic (with missing data from lavaan's FIML-corrected
 * statistics).
 */
final class RobustMeasures {
  private RobustMeasures() {}

  /**
   * The statistics the robust measures correct: the model's chi-square and scaling factor and
   * the baseline's — the usual ones with complete data, lavaan's FIML-corrected ones
   * ({@link FimlCorrection}) with missing data.
   */
  record Robust(double chisq, double scaling, double baselineChisq, double baselineScaling) {

    static Robust of(FitMeasures.Test test, double c, SemFitter.Baseline base) {
      return new Robust(test.chisq(), c, base.test().chisq(), base.scaling());
    }
  }

  /** Puts the scaled measures and, where {@code robust} is not null, the robust ones. */
  static void put(Map<String, Double> m, FitMeasures.Test test, double c,
      SemFitter.Baseline base, long n, int groups, Robust robust) {
    FitMeasures.Test scaled = new FitMeasures.Test(test.chisq() / c, test.df());
    FitMeasures.Test b = base.test();
    double cb = base.scaling();
    FitMeasures.Test baseScaled = new FitMeasures.Test(b.chisq() / cb, b.df());
    m.put("chisq.scaled", scaled.chisq());
    m.put("df.scaled", scaled.df());
    m.put("pvalue.scaled", FitMeasures.pvalue(scaled));
    m.put("chisq.scaling.factor", c);
    m.put("baseline.chisq.scaled", baseScaled.chisq());
    m.put("baseline.df.scaled", baseScaled.df());
    m.put("baseline.pvalue.scaled", FitMeasures.pvalue(baseScaled));
    m.put("baseline.chisq.scaling.factor", cb);
    m.put("cfi.scaled", FitMeasures.cfi(scaled, baseScaled));
    m.put("tli.scaled", FitMeasures.tli(scaled, baseScaled));
    m.put("rmsea.scaled", FitMeasures.rmsea(scaled, n, groups));
    // lavaan's interval for the scaled RMSEA keeps the unscaled statistic and puts the trace
    // of UΓ (scaling factor times df) in place of the degrees of freedom
    FitMeasures.Test traced = new FitMeasures.Test(test.chisq(), c * test.df());
    double[] ci = FitMeasures.rmseaInterval(traced, n, groups);
    m.put("rmsea.ci.lower.scaled", ci[0]);
    m.put("rmsea.ci.upper.scaled", ci[1]);
    m.put("rmsea.pvalue.scaled", FitMeasures.rmseaCloseFit(traced, n, groups));
    if (robust == null) {
      return;
    }
    double x2 = robust.chisq();
    double c3 = robust.scaling();
    double bx2 = robust.baselineChisq();
    double cb3 = robust.baselineScaling();
    double df = test.df();
    double t1 = Math.max(x2 - c3 * df, 0);
    double t2 = Math.max(Math.max(x2 - c3 * df, bx2 - cb3 * b.df()), 0);
    m.put("cfi.robust", t2 == 0 ? 1 : 1 - t1 / t2);
    double u2 = (bx2 - cb3 * b.df()) * df;
    m.put("tli.robust", df > 0 && u2 != 0 ? 1 - (x2 - c3 * df) * b.df() / u2 : 1);
    m.put("rmsea.robust", df > 0
        ? Math.sqrt(Math.max((x2 / n) / df - c3 / n, 0)) * Math.sqrt(groups) : 0);
    double[] rci = FitMeasures.rmseaInterval(new FitMeasures.Test(x2 / c3, df), n, groups);
    m.put("rmsea.ci.lower.robust", rci[0] * Math.sqrt(c3));
    m.put("rmsea.ci.upper.robust", rci[1] * Math.sqrt(c3));
    // lavaan's close-fit test of the robust RMSEA: the scaled statistic against a noncentrality
    // shrunk by the scaling factor
    m.put("rmsea.pvalue.robust", df > 0 ? 1 - NoncentralChiSquare.cdf(x2 / c3, df,
        0.05 * 0.05 * df * n / (c3 * groups)) : Double.NaN);
  }
}

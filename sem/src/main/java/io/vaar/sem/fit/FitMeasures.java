package io.vaar.sem.fit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * Computes lavaan's fit measures from the chi-square statistics of the model and the baseline
 * (independence) model, the log-likelihoods, the number of free parameters, the total sample
 * size and the number of groups. RMSEA uses divisor N and is multiplied by √G for several
 * groups, as lavaan does; CFI and TLI compare against the baseline model.
 */
public final class FitMeasures {
  private FitMeasures() {}

  /** The chi-square test of one model. */
  public record Test(double chisq, double df) {}

  public static Map<String, Double> compute(int npar, Test model, Test baseline, double logl,
      double unrestrictedLogl, long n, int groups, double srmr) {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("npar", (double) npar);
    m.put("chisq", model.chisq());
    m.put("df", model.df());
    m.put("pvalue", pvalue(model));
    m.put("baseline.chisq", baseline.chisq());
    m.put("baseline.df", baseline.df());
    m.put("baseline.pvalue", pvalue(baseline));
    m.put("cfi", cfi(model, baseline));
    m.put("tli", tli(model, baseline));
    m.put("logl", logl);
    m.put("unrestricted.logl", unrestrictedLogl);
    m.put("aic", -2 * logl + 2 * npar);
    m.put("bic", -2 * logl + npar * Math.log(n));
    m.put("bic2", -2 * logl + npar * Math.log((n + 2) / 24.0));
    m.put("ntotal", (double) n);
    putRmsea(m, "", model, n, groups);
    m.put("srmr", srmr);
    return m;
  }

  static void putRmsea(Map<String, Double> m, String suffix, Test t, long n, int groups) {
    m.put("rmsea" + suffix, rmsea(t, n, groups));
    double[] ci = rmseaInterval(t, n, groups);
    m.put("rmsea.ci.lower" + suffix, ci[0]);
    m.put("rmsea.ci.upper" + suffix, ci[1]);
    if (suffix.isEmpty()) {
      m.put("rmsea.pvalue", rmseaCloseFit(t, n, groups));
    }
  }

  public static double pvalue(Test t) {
    if (t.df() <= 0) {
      return Double.NaN;
    }
    return 1 - new ChiSquaredDistribution(null, t.df()).cumulativeProbability(t.chisq());
  }

  public static double cfi(Test t, Test b) {
    double d = Math.max(t.chisq() - t.df(), 0);
    double denom = Math.max(Math.max(b.chisq() - b.df(), t.chisq() - t.df()), 0);
    if (denom == 0) {
      return 1;
    }
    return 1 - d / denom;
  }

  public static double tli(Test t, Test b) {
    if (t.df() <= 0) {
      return 1;
    }
    double r1 = b.chisq() / b.df();
    double r0 = t.chisq() / t.df();
    return (r1 - r0) / (r1 - 1);
  }

  public static double rmsea(Test t, long n, int groups) {
    if (t.df() <= 0) {
      return 0;
    }
    return Math.sqrt(Math.max(t.chisq() - t.df(), 0) / (t.df() * n)) * Math.sqrt(groups);
  }

  public static double[] rmseaInterval(Test t, long n, int groups) {
    double x2 = t.chisq();
    double df = t.df();
    if (df < 1 || !Double.isFinite(x2)) {
      return new double[] {0, 0};
    }
    double lower = 0;
    if (NoncentralChiSquare.cdf(x2, df, 0) - 0.95 >= 0) {
      double l = NoncentralChiSquare.solveNoncentrality(x2, df, 0.95, x2);
      lower = Math.sqrt(l / (n * df)) * Math.sqrt(groups);
    }
    double upper = 0;
    double nr = Math.max(n, x2 * 4);
    if (!(NoncentralChiSquare.cdf(x2, df, nr) - 0.05 > 0 || NoncentralChiSquare.cdf(x2, df, 0) - 0.05 < 0)) {
      double u = NoncentralChiSquare.solveNoncentrality(x2, df, 0.05, nr);
      upper = Math.sqrt(u / (n * df)) * Math.sqrt(groups);
    }
    return new double[] {lower, upper};
  }

  /** P(RMSEA <= .05): lavaan's close-fit p-value. */
  public static double rmseaCloseFit(Test t, long n, int groups) {
    if (t.df() <= 0) {
      return Double.NaN;
    }
    double ncp = 0.05 * 0.05 * t.df() * n / groups;
    return 1 - NoncentralChiSquare.cdf(t.chisq(), t.df(), ncp);
  }
}

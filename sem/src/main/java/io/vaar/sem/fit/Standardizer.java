package io.vaar.sem.fit;

import io.vaar.sem.estimation.ImpliedMoments;
import io.vaar.sem.model.ParameterRow;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * lavaan's standardized solutions for one group: std.lv scales latent variables to unit
 * variance, std.all scales every variable; covariances become correlations of the residuals
 * they belong to. Also R², one minus the share of each dependent variable's variance its
 * residual keeps.
 */
public final class Standardizer {
  private final Map<String, Integer> index;
  private final int observed;
  private final double[][] total;
  private final double[] residualVariance;

  /**
   * @param estimates the estimated values of the group's rows, in the order of {@code rows}
   */
  public Standardizer(Map<String, Integer> index, int observed, ImpliedMoments implied,
      java.util.List<ParameterRow> rows, double[] estimates) {
    this.index = index;
    this.observed = observed;
    this.total = implied.allCovariance();
    this.residualVariance = new double[total.length];
    for (int r = 0; r < rows.size(); r++) {
      ParameterRow row = rows.get(r);
      if (row.op().equals("~~") && row.lhs().equals(row.rhs())) {
        residualVariance[index.get(row.lhs())] = estimates[r];
      }
    }
  }

  private boolean latent(String v) {
    return index.get(v) >= observed;
  }

  private double sd(String v) {
    double var = total[index.get(v)][index.get(v)];
    return var > 0 ? Math.sqrt(var) : Double.NaN;
  }

  private double sdLv(String v) {
    return latent(v) ? sd(v) : 1;
  }

  /** Returns {std.lv, std.all} for a row with estimate est. */
  public double[] standardize(ParameterRow r, double est) {
    switch (r.op()) {
      case "=~" -> {
        double scaled = est * sd(r.lhs());
        return new double[] {scaled / sdLv(r.rhs()), scaled / sd(r.rhs())};
      }
      case "~" -> {
        return new double[] {est * sdLv(r.rhs()) / sdLv(r.lhs()), est * sd(r.rhs()) / sd(r.lhs())};
      }
      case "~1" -> {
        return new double[] {est / sdLv(r.lhs()), est / sd(r.lhs())};
      }
      case "~~" -> {
        if (r.lhs().equals(r.rhs())) {
          double var = total[index.get(r.lhs())][index.get(r.lhs())];
          return new double[] {latent(r.lhs()) ? est / var : est, est / var};
        }
        double a = Math.sqrt(Math.abs(residualVariance[index.get(r.lhs())]));
        double b = Math.sqrt(Math.abs(residualVariance[index.get(r.rhs())]));
        boolean bothLatent = latent(r.lhs()) && latent(r.rhs());
        double all = est / (a * b);
        return new double[] {bothLatent ? all : est, all};
      }
      default -> {
        return new double[] {Double.NaN, Double.NaN};
      }
    }
  }

  /** R² of every variable that has incoming effects, in the RAM variable order. */
  public Map<String, Double> rSquared(java.util.List<ParameterRow> rows, String[] names) {
    Map<String, Double> out = new LinkedHashMap<>();
    java.util.Set<String> dependent = new java.util.LinkedHashSet<>();
    for (ParameterRow r : rows) {
      if (r.op().equals("=~")) {
        dependent.add(r.rhs());
      } else if (r.op().equals("~")) {
        dependent.add(r.lhs());
      }
    }
    for (String v : names) {
      if (dependent.contains(v)) {
        int i = index.get(v);
        out.put(v, 1 - residualVariance[i] / total[i][i]);
      }
    }
    return out;
  }
}

package io.vaar.transforms.analysis;

import io.vaar.sem.ParameterEstimate;
import io.vaar.sem.SemFit;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.commons.math3.stat.descriptive.moment.Variance;

/**
 * Level and reliability of one scale: scale scores (the mean of a session's answered items),
 * their mean and SD, Cronbach's α over complete sessions and McDonald's ω from a fitted model.
 */
final class ScaleStatistics {

  private ScaleStatistics() {
  }

  /** Per row, the mean of the scale's answered items (NaN when none is answered). */
  static double[] scores(double[][] rows, int[] columns) {
    double[] scores = new double[rows.length];
    for (int r = 0; r < rows.length; r++) {
      double sum = 0;
      int answered = 0;
      for (int c : columns) {
        if (!Double.isNaN(rows[r][c])) {
          sum += rows[r][c];
          answered++;
        }
      }
      scores[r] = answered == 0 ? Double.NaN : sum / answered;
    }
    return scores;
  }

  static double[] present(double[] values) {
    return Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
  }

  static double mean(double[] values) {
    return Arrays.stream(values).average().orElse(Double.NaN);
  }

  static double sd(double[] values) {
    return values.length < 2 ? Double.NaN : new StandardDeviation().evaluate(values);
  }

  /** α = k/(k−1) · (1 − Σ var(item) / var(total)) over rows that answered every item. */
  static double cronbachAlpha(double[][] rows, int[] columns) {
    int k = columns.length;
    List<double[]> complete = Arrays.stream(rows).filter(row -> {
      for (int c : columns) {
        if (Double.isNaN(row[c])) {
          return false;
        }
      }
      return true;
    }).toList();
    if (k < 2 || complete.size() < 3) {
      return Double.NaN;
    }
    Variance variance = new Variance();
    double itemVariances = 0;
    for (int c : columns) {
      itemVariances += variance.evaluate(complete.stream().mapToDouble(row -> row[c]).toArray());
    }
    double totalVariance = variance.evaluate(complete.stream().mapToDouble(row -> {
      double total = 0;
      for (int c : columns) {
        total += row[c];
      }
      return total;
    }).toArray());
    return totalVariance == 0 ? Double.NaN
        : (double) k / (k - 1) * (1 - itemVariances / totalVariance);
  }

  /**
   * ω from the completely standardized loadings λ* of the factor's items in one group, so that
   * an endogenous factor (whose own variance parameter is a residual) is handled like any other:
   * ω = (Σλ*)² / ((Σλ*)² + Σ(1 − λ*²)).
   */
  static double omega(SemFit fit, String factor, List<String> items, int group) {
    double sum = 0;
    double unique = 0;
    for (String item : items) {
      ParameterEstimate loading = fit.parameter(factor, "=~", item, group);
      if (loading == null || Double.isNaN(loading.stdAll())) {
        return Double.NaN;
      }
      sum += loading.stdAll();
      unique += 1 - loading.stdAll() * loading.stdAll();
    }
    return sum * sum / (sum * sum + unique);
  }
}

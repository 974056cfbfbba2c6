package io.vaar.sem.estimation;

import io.vaar.sem.model.ParameterRow;
import io.vaar.sem.model.ParameterTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Starting values from the sample moments of each group: loadings from ratios of indicator
 * covariances (as lavaan's fabin-style starts), factor variances and covariances from
 * indicator covariances divided by the loadings, residual variances as what the factor leaves
 * of each indicator's variance, intercepts at the sample means, regressions at zero. Parameters
 * shared by several groups start at the average of their per-group values; user
 * {@code start(...)} values win.
 */
public final class StartValues {
  private StartValues() {}

  public static double[] of(ParameterTable table, List<double[]> means, List<double[][]> covs) {
    Map<String, Integer> index = table.variableIndex();
    int q = table.freeCount();
    double[] sum = new double[q];
    int[] count = new int[q];
    for (int g = 1; g <= table.groupCount(); g++) {
      final int group = g;
      List<ParameterRow> rows = table.rows().stream().filter(r -> r.group() == group).toList();
      Map<String, Double> values = groupStarts(rows, index, means.get(g - 1), covs.get(g - 1));
      for (ParameterRow r : rows) {
        if (!r.isFree()) {
          continue;
        }
        double v = r.start() != null ? r.start() : values.getOrDefault(key(r), 0.0);
        sum[r.free()] += v;
        count[r.free()]++;
      }
    }
    double[] theta = new double[q];
    for (int i = 0; i < q; i++) {
      theta[i] = count[i] == 0 ? 0 : sum[i] / count[i];
    }
    return theta;
  }

  private static String key(ParameterRow r) {
    return r.lhs() + r.op() + r.rhs();
  }

  private static Map<String, Double> groupStarts(List<ParameterRow> rows,
      Map<String, Integer> index, double[] mean, double[][] cov) {
    Map<String, Double> out = new HashMap<>();
    Map<String, List<String>> indicators = new java.util.LinkedHashMap<>();
    Map<String, Double> loading = new HashMap<>();
    for (ParameterRow r : rows) {
      if (r.op().equals("=~")) {
        indicators.computeIfAbsent(r.lhs(), k -> new ArrayList<>()).add(r.rhs());
      }
    }
    // loadings relative to the first indicator (or its fixed value)
    for (Map.Entry<String, List<String>> e : indicators.entrySet()) {
      List<String> ind = observedOnly(e.getValue(), index, mean.length);
      if (ind.isEmpty()) {
        continue;
      }
      String marker = ind.get(0);
      double markerValue = rows.stream().filter(r -> r.op().equals("=~") && r.lhs().equals(e.getKey())
          && r.rhs().equals(marker) && !r.isFree()).mapToDouble(ParameterRow::value).findFirst()
          .orElse(1.0);
      if (markerValue == 0) {
        markerValue = 1;
      }
      int m = index.get(marker);
      for (String x : ind) {
        int j = index.get(x);
        double lambda;
        if (x.equals(marker)) {
          lambda = markerValue;
        } else {
          double num = 0;
          double den = 0;
          for (String other : ind) {
            if (!other.equals(x) && !other.equals(marker)) {
              int k = index.get(other);
              num += cov[j][k];
              den += cov[m][k];
            }
          }
          if (ind.size() < 3 || Math.abs(den) < 1e-8 * Math.max(1e-12, cov[m][m])) {
            num = cov[j][m];
            den = cov[m][m];
          }
          lambda = markerValue * num / den;
          if (!Double.isFinite(lambda) || Math.abs(lambda) > 10) {
            lambda = markerValue;
          }
        }
        loading.put(e.getKey() + "|" + x, lambda);
        out.put(e.getKey() + "=~" + x, lambda);
      }
    }
    // factor variances and covariances
    Map<String, Double> lvVar = new HashMap<>();
    for (String f : indicators.keySet()) {
      List<String> ind = observedOnly(indicators.get(f), index, mean.length);
      double s = 0;
      int c = 0;
      for (int a = 0; a < ind.size(); a++) {
        for (int b = a + 1; b < ind.size(); b++) {
          double la = loading.get(f + "|" + ind.get(a));
          double lb = loading.get(f + "|" + ind.get(b));
          s += cov[index.get(ind.get(a))][index.get(ind.get(b))] / (la * lb);
          c++;
        }
      }
      double v = c > 0 ? s / c : (ind.isEmpty() ? 1 : cov[index.get(ind.get(0))][index.get(ind.get(0))] / 2);
      double minVar = ind.isEmpty() ? 0.05 : 0.05 * cov[index.get(ind.get(0))][index.get(ind.get(0))];
      lvVar.put(f, Math.max(v, minVar));
    }
    for (ParameterRow r : rows) {
      if (!r.op().equals("~~")) {
        continue;
      }
      String k = key(r);
      boolean lhsLatent = indicators.containsKey(r.lhs());
      boolean rhsLatent = indicators.containsKey(r.rhs());
      if (r.lhs().equals(r.rhs())) {
        if (lhsLatent) {
          out.put(k, lvVar.get(r.lhs()));
        } else if (index.get(r.lhs()) < mean.length) {
          int j = index.get(r.lhs());
          double explained = 0;
          for (Map.Entry<String, List<String>> e : indicators.entrySet()) {
            Double l = loading.get(e.getKey() + "|" + r.lhs());
            if (l != null) {
              explained += l * l * lvVar.get(e.getKey());
            }
          }
          out.put(k, Math.max(cov[j][j] - explained, 0.1 * cov[j][j]));
        } else {
          out.put(k, 0.05);
        }
      } else if (lhsLatent && rhsLatent) {
        List<String> a = observedOnly(indicators.get(r.lhs()), index, mean.length);
        List<String> b = observedOnly(indicators.get(r.rhs()), index, mean.length);
        double s = 0;
        int c = 0;
        for (String xa : a) {
          for (String xb : b) {
            if (xa.equals(xb)) {
              continue;
            }
            s += cov[index.get(xa)][index.get(xb)]
                / (loading.get(r.lhs() + "|" + xa) * loading.get(r.rhs() + "|" + xb));
            c++;
          }
        }
        double v = c > 0 ? s / c : 0;
        double bound = 0.9 * Math.sqrt(lvVar.get(r.lhs()) * lvVar.get(r.rhs()));
        out.put(k, Math.max(-bound, Math.min(bound, v)));
      }
    }
    for (ParameterRow r : rows) {
      if (r.op().equals("~1") && index.get(r.lhs()) < mean.length) {
        out.put(key(r), mean[index.get(r.lhs())]);
      }
    }
    return out;
  }

  private static List<String> observedOnly(List<String> vars, Map<String, Integer> index, int p) {
    return vars.stream().filter(v -> index.get(v) < p).toList();
  }
}

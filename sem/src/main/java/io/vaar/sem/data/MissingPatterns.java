package io.vaar.sem.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows grouped by which variables they observe, with the moments of each pattern over its
 * observed variables. Full-information maximum likelihood needs exactly these: the likelihood
 * of a pattern depends on its rows only through their count, mean and covariance.
 */
public final class MissingPatterns {
  /** One missing-data pattern: the observed variable indices and their moments. */
  public record Pattern(int[] observed, SampleMoments moments) {}

  /** Each variable's mean and variance (divisor n) over the cases that observe it. */
  public record Marginals(double[] mean, double[] variance) {}

  private final int variables;
  private final List<Pattern> patterns;
  private final long cases;

  private MissingPatterns(int variables, List<Pattern> patterns, long cases) {
    this.variables = variables;
    this.patterns = List.copyOf(patterns);
    this.cases = cases;
  }

  /** Groups rows (NaN = missing) by pattern; rows with nothing observed are dropped, as lavaan does. */
  public static MissingPatterns of(double[][] rows, int variables) {
    return of(null, rows, variables);
  }

  /**
   * The patterns of merged statistics: the complete rows' pattern from their pooled moments
   * (first, when there are any), then the kept incomplete rows grouped by pattern.
   */
  public static MissingPatterns of(GroupStatistics statistics) {
    FourthMoments complete = statistics.complete();
    Pattern pooled = complete.n() == 0 ? null
        : new Pattern(allVariables(statistics.variables()), complete.toSampleMoments());
    return of(pooled, statistics.incompleteRows(), statistics.variables());
  }

  /** Complete data as one pattern: every variable observed, with the given moments. */
  public static MissingPatterns complete(SampleMoments moments) {
    int p = moments.mean().length;
    return of(new Pattern(allVariables(p), moments), new double[0][], p);
  }

  private static MissingPatterns of(Pattern first, double[][] rows, int variables) {
    Map<String, List<double[]>> byPattern = new LinkedHashMap<>();
    Map<String, int[]> indices = new LinkedHashMap<>();
    long cases = first == null ? 0 : first.moments().n();
    for (double[] row : rows) {
      int[] obs = observedIndices(row);
      if (obs.length == 0) {
        continue;
      }
      cases++;
      String key = Arrays.toString(obs);
      indices.putIfAbsent(key, obs);
      double[] sub = new double[obs.length];
      for (int i = 0; i < obs.length; i++) {
        sub[i] = row[obs[i]];
      }
      byPattern.computeIfAbsent(key, k -> new ArrayList<>()).add(sub);
    }
    List<Pattern> out = new ArrayList<>();
    if (first != null) {
      out.add(first);
    }
    for (Map.Entry<String, List<double[]>> e : byPattern.entrySet()) {
      out.add(new Pattern(indices.get(e.getKey()),
          SampleMoments.of(e.getValue().toArray(new double[0][]))));
    }
    return new MissingPatterns(variables, out, cases);
  }

  /** The indices 0..p-1: the pattern of a complete row. */
  public static int[] allVariables(int p) {
    int[] a = new int[p];
    for (int i = 0; i < p; i++) {
      a[i] = i;
    }
    return a;
  }

  /** Indices of the non-missing (non-NaN) values of a row. */
  public static int[] observedIndices(double[] row) {
    int count = 0;
    for (double v : row) {
      if (!Double.isNaN(v)) {
        count++;
      }
    }
    int[] obs = new int[count];
    int k = 0;
    for (int i = 0; i < row.length; i++) {
      if (!Double.isNaN(row[i])) {
        obs[k++] = i;
      }
    }
    return obs;
  }

  public int variables() {
    return variables;
  }

  public List<Pattern> patterns() {
    return patterns;
  }

  public long cases() {
    return cases;
  }

  /** The available-case marginals, pooled over the patterns. */
  public Marginals marginals() {
    double[] mean = new double[variables];
    double[] var = new double[variables];
    double[] count = new double[variables];
    for (Pattern pt : patterns) {
      for (int k = 0; k < pt.observed().length; k++) {
        mean[pt.observed()[k]] += pt.moments().n() * pt.moments().mean()[k];
        count[pt.observed()[k]] += pt.moments().n();
      }
    }
    for (int i = 0; i < variables; i++) {
      mean[i] /= count[i];
    }
    for (Pattern pt : patterns) {
      for (int k = 0; k < pt.observed().length; k++) {
        int i = pt.observed()[k];
        double d = pt.moments().mean()[k] - mean[i];
        var[i] += pt.moments().n() * (pt.moments().cov()[k][k] + d * d);
      }
    }
    for (int i = 0; i < variables; i++) {
      var[i] /= count[i];
    }
    return new Marginals(mean, var);
  }

  /** True when every case observes every variable. */
  public boolean complete() {
    return patterns.size() == 1 && patterns.get(0).observed().length == variables;
  }
}

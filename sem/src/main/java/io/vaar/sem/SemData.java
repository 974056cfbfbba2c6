package io.vaar.sem;

import io.vaar.sem.data.FourthMoments;
import io.vaar.sem.data.GroupStatistics;
import io.vaar.sem.data.SampleMoments;
import java.util.List;

/**
 * The data of a fit, per group: raw rows (NaN marks a missing value); mergeable
 * {@link GroupStatistics} (pooled complete rows plus the incomplete rows), which serve every
 * estimator and missing-data option as rows would; or, for complete data only, the sufficient
 * statistics n, means and covariances (divisor n) or fourth-order moments. Columns are named
 * once for all groups; groups keep the order given, which should be their order of first
 * appearance in the data, as lavaan numbers them.
 */
public final class SemData {
  private final List<String> variables;
  private final List<String> groupNames;
  private final List<double[][]> rows;
  private final List<SampleMoments> moments;
  private final List<FourthMoments> fourth;
  private final List<GroupStatistics> statistics;

  private SemData(List<String> variables, List<String> groupNames, List<double[][]> rows,
      List<SampleMoments> moments, List<FourthMoments> fourth, List<GroupStatistics> statistics) {
    this.variables = List.copyOf(variables);
    this.groupNames = List.copyOf(groupNames);
    this.rows = rows;
    this.moments = moments;
    this.fourth = fourth;
    this.statistics = statistics;
  }

  /** Raw rows per group; row arrays follow {@code variables}. */
  public static SemData ofRows(List<String> variables, List<String> groupNames,
      List<double[][]> rows) {
    if (groupNames.size() != rows.size() || groupNames.isEmpty()) {
      throw new IllegalArgumentException("one row set per group is required");
    }
    return new SemData(variables, groupNames, List.copyOf(rows), null, null, null);
  }

  /** Sufficient statistics per group; enough for ML with complete data. */
  public static SemData ofMoments(List<String> variables, List<String> groupNames,
      List<SampleMoments> moments) {
    if (groupNames.size() != moments.size() || groupNames.isEmpty()) {
      throw new IllegalArgumentException("one set of moments per group is required");
    }
    return new SemData(variables, groupNames, null, List.copyOf(moments), null, null);
  }

  /**
   * Mergeable fourth-order moments per group: enough for ML and for MLR (Huber–White standard
   * errors and the Yuan–Bentler test) with complete data.
   */
  public static SemData ofFourthMoments(List<String> variables, List<String> groupNames,
      List<FourthMoments> fourth) {
    if (groupNames.size() != fourth.size() || groupNames.isEmpty()) {
      throw new IllegalArgumentException("one set of moments per group is required");
    }
    return new SemData(variables, groupNames, null,
        fourth.stream().map(FourthMoments::toSampleMoments).toList(), List.copyOf(fourth), null);
  }

  /**
   * Merged per-group statistics, e.g. from a pipeline's combine stage: enough for ML and MLR,
   * with listwise deletion or FIML, giving the same fit as the rows they were built from. Each
   * group's statistics must cover {@code variables}, in that order.
   */
  public static SemData ofStatistics(List<String> variables, List<String> groupNames,
      List<GroupStatistics> statistics) {
    if (groupNames.isEmpty() || groupNames.size() != statistics.size()) {
      throw new SemInputException("one set of statistics per group is required: "
          + groupNames.size() + " group names but " + statistics.size() + " sets of statistics");
    }
    for (int g = 0; g < statistics.size(); g++) {
      int width = statistics.get(g).variables();
      if (width != variables.size()) {
        throw new SemInputException("the statistics of group '" + groupNames.get(g)
            + "' cover " + width + " variables but " + variables.size()
            + " variable names were given; accumulate rows in the order of the names");
      }
    }
    return new SemData(variables, groupNames, null, null, null, List.copyOf(statistics));
  }

  public boolean hasStatistics() {
    return statistics != null;
  }

  public GroupStatistics statistics(int group) {
    return statistics.get(group);
  }

  public boolean hasFourthMoments() {
    return fourth != null;
  }

  public FourthMoments fourthMoments(int group) {
    return fourth.get(group);
  }

  public List<String> variables() {
    return variables;
  }

  public List<String> groupNames() {
    return groupNames;
  }

  public boolean hasRows() {
    return rows != null;
  }

  public double[][] rows(int group) {
    return rows.get(group);
  }

  public SampleMoments moments(int group) {
    return moments.get(group);
  }
}

package io.vaar.sem;

import io.vaar.sem.data.FourthMoments;
import io.vaar.sem.data.SampleMoments;
import java.util.List;

/**
 * The data of a fit, per group: either raw rows (NaN marks a missing value) or, for complete
 * data, only the sufficient statistics n, means and covariances (divisor n). Columns are named
 * once for all groups; groups keep the order given, which should be their order of first
 * appearance in the data, as lavaan numbers them.
 */
public final class SemData {
  private final List<String> variables;
  private final List<String> groupNames;
  private final List<double[][]> rows;
  private final List<SampleMoments> moments;
  private final List<FourthMoments> fourth;

  private SemData(List<String> variables, List<String> groupNames, List<double[][]> rows,
      List<SampleMoments> moments, List<FourthMoments> fourth) {
    this.variables = List.copyOf(variables);
    this.groupNames = List.copyOf(groupNames);
    this.rows = rows;
    this.moments = moments;
    this.fourth = fourth;
  }

  /** Raw rows per group; row arrays follow {@code variables}. */
  public static SemData ofRows(List<String> variables, List<String> groupNames,
      List<double[][]> rows) {
    if (groupNames.size() != rows.size() || groupNames.isEmpty()) {
      throw new IllegalArgumentException("one row set per group is required");
    }
    return new SemData(variables, groupNames, List.copyOf(rows), null, null);
  }

  /** Sufficient statistics per group; enough for ML with complete data. */
  public static SemData ofMoments(List<String> variables, List<String> groupNames,
      List<SampleMoments> moments) {
    if (groupNames.size() != moments.size() || groupNames.isEmpty()) {
      throw new IllegalArgumentException("one set of moments per group is required");
    }
    return new SemData(variables, groupNames, null, List.copyOf(moments), null);
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
        fourth.stream().map(FourthMoments::toSampleMoments).toList(), List.copyOf(fourth));
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

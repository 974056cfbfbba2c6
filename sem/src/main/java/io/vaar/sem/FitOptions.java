package io.vaar.sem;

import io.vaar.sem.model.GroupEqual;
import java.util.EnumSet;
import java.util.Set;

/**
 * How to fit: the estimator (ML with expected-information standard errors, or MLR with
 * Huber–White standard errors and the Yuan–Bentler scaled test), how missing values are
 * handled (listwise deletion or full-information ML), and which parameter classes are held
 * equal across groups.
 */
public record FitOptions(Estimator estimator, Missing missing, Set<GroupEqual> groupEqual) {
  /** lavaan's estimators we implement. */
  public enum Estimator { ML, MLR }

  /** lavaan's missing-data options we implement. */
  public enum Missing { LISTWISE, FIML }

  public FitOptions {
    groupEqual = groupEqual.isEmpty() ? EnumSet.noneOf(GroupEqual.class) : EnumSet.copyOf(groupEqual);
  }

  public static FitOptions ml() {
    return new FitOptions(Estimator.ML, Missing.LISTWISE, Set.of());
  }

  public FitOptions withEstimator(Estimator e) {
    return new FitOptions(e, missing, groupEqual);
  }

  public FitOptions withMissing(Missing m) {
    return new FitOptions(estimator, m, groupEqual);
  }

  public FitOptions withGroupEqual(Set<GroupEqual> eq) {
    return new FitOptions(estimator, missing, eq);
  }
}

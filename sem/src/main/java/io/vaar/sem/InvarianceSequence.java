package io.vaar.sem;

import io.vaar.sem.fit.FitMeasures;
import io.vaar.sem.model.GroupEqual;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The measurement-invariance sequence for a multi-group model: configural (same pattern),
 * metric (equal loadings), scalar (plus equal intercepts) and strict (plus equal residual
 * variances), each compared with the one before by a chi-square difference test — the
 * Satorra–Bentler (2001) scaled difference under MLR, as lavaan's {@code lavTestLRT} — with
 * ΔCFI, ΔRMSEA and the RMSEA of the difference.
 */
public final class InvarianceSequence {
  /** The levels of the sequence and what each holds equal. */
  public enum Level {
    CONFIGURAL(EnumSet.noneOf(GroupEqual.class)),
    METRIC(EnumSet.of(GroupEqual.LOADINGS)),
    SCALAR(EnumSet.of(GroupEqual.LOADINGS, GroupEqual.INTERCEPTS)),
    STRICT(EnumSet.of(GroupEqual.LOADINGS, GroupEqual.INTERCEPTS, GroupEqual.RESIDUALS));

    private final Set<GroupEqual> equal;

    Level(Set<GroupEqual> equal) {
      this.equal = equal;
    }

    public Set<GroupEqual> equal() {
      return EnumSet.copyOf(equal.isEmpty() ? EnumSet.noneOf(GroupEqual.class) : equal);
    }

    public String word() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** One row of the table; the differences are NaN for the first level. */
  public record Step(Level level, SemFit fit, double chisqDiff, double dfDiff, double pvalue,
      double cfiDiff, double rmseaDiff, double rmseaOfDifference) {}

  private InvarianceSequence() {}

  /** Fits every level (the options' own group-equal set is ignored) and compares neighbours. */
  public static List<Step> run(SemModel model, SemData data, FitOptions options) {
    return run(model, data, options, Level.STRICT);
  }

  /** Fits configural up to and including {@code last}, comparing neighbours. */
  public static List<Step> run(SemModel model, SemData data, FitOptions options, Level last) {
    if (data.groupNames().size() < 2) {
      throw new SemInputException("measurement invariance needs at least two groups; give a group column");
    }
    List<Step> steps = new ArrayList<>();
    SemFit previous = null;
    // the levels differ only in their constraints: the data's side is prepared once
    SemFitter.GroupInputs inputs = SemFitter.prepare(model, data, options);
    for (Level level : Level.values()) {
      if (level.compareTo(last) > 0) {
        break;
      }
      SemFit fit = SemFitter.fit(model, data, options.withGroupEqual(level.equal()), null,
          inputs);
      if (previous == null) {
        steps.add(new Step(level, fit, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN, Double.NaN));
      } else {
        steps.add(compare(level, previous, fit));
      }
      previous = fit;
    }
    return steps;
  }

  static Step compare(Level level, SemFit looser, SemFit stricter) {
    double df1 = looser.measure("df");
    double df0 = stricter.measure("df");
    double dd = df0 - df1;
    double diff = stricter.measure("chisq") - looser.measure("chisq");
    if (stricter.estimator().equals("MLR")) {
      double c0 = stricter.measure("chisq.scaling.factor");
      double c1 = looser.measure("chisq.scaling.factor");
      double cd = (df0 * c0 - df1 * c1) / dd;
      diff = diff / cd;
    }
    diff = Math.max(diff, 0);
    double p = FitMeasures.pvalue(new FitMeasures.Test(diff, dd));
    long n = looser.groupSizes().stream().mapToLong(Long::longValue).sum();
    int g = looser.groups().size();
    double rmseaOfDiff = FitMeasures.rmsea(new FitMeasures.Test(diff, dd), n, g);
    String cfi = stricter.estimator().equals("MLR") ? "cfi.scaled" : "cfi";
    String rmsea = stricter.estimator().equals("MLR") ? "rmsea.scaled" : "rmsea";
    return new Step(level, stricter, diff, dd, p, stricter.measure(cfi) - looser.measure(cfi),
        stricter.measure(rmsea) - looser.measure(rmsea), rmseaOfDiff);
  }
}

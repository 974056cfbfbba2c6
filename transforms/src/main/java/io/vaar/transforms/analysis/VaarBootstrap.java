package io.vaar.transforms.analysis;

import io.vaar.sem.FitOptions;
import io.vaar.sem.SemData;
import io.vaar.sem.SemFit;
import io.vaar.sem.SemFitter;
import io.vaar.sem.SemModel;
import io.vaar.sem.data.SampleMoments;
import io.vaar.sem.model.GroupEqual;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The uncertainty of VAAR by a nonparametric bootstrap over sessions within each group (model):
 * replicate b draws each group's n sessions with replacement, refits the model and judges the
 * expected paths as {@link VaarScore} does. Per group it gives percentile
 * intervals (2.5 % and 97.5 %, R's type-7 quantiles) for VAAR and for each path estimate, and
 * the <b>soft VAAR</b>: the mean over replicates of the weighted share of expected paths whose
 * estimated sign agrees with the expected sign, significance ignored — equivalently, the
 * weighted mean over paths of the bootstrap probability that the path has the human sign. It
 * is chosen over "the share of replicates in which every sign agrees" because it is on VAAR's
 * scale with VAAR's weights (1 when every path is reliably aligned, 0 when every path is
 * reliably reversed, ½ for coin-flip signs) and one weak path does not zero it.
 *
 * <p>What is refitted, and why (the budget is B = 1000 for three models × 200 sessions in a few
 * seconds): each replicate fits by ML with listwise deletion to the resampled sessions' moments
 * (multinomial counts times the complete rows, no row copying), with expected-information
 * standard errors, starting from the point estimate. {@link #run} fits each group alone — the
 * configural model, exact for {@code ./vaar score}, which compares unconstrained groups.
 * {@link #runJoint} refits all groups together with the constraints of the level at which an
 * audit compares its paths (equal loadings at the metric level), so that the interval is about
 * the same estimates as the point VAAR; it differs from the point fit only in ML with listwise
 * deletion for MLR with FIML (the same estimates on complete data; normal-theory standard errors
 * are a little small for skewed Likert items, which makes a replicate's verdict slightly
 * liberal). Replicate b of group g depends only on (seed, b, g), so results are identical
 * whatever the thread count. A replicate whose fit fails is counted and left out of the
 * intervals.
 */
public final class VaarBootstrap {

  /** How the replicates of {@link #run} are fitted, as written to {@code vaar.json}. */
  public static final String METHOD = "nonparametric bootstrap of sessions within each model;"
      + " per-model ML fit (listwise, expected-information SEs) warm-started at the point"
      + " estimate; percentile intervals";
  private static final double LOWER = 0.025;
  private static final double UPPER = 0.975;
  /**
   * Replicates stop at a Newton decrement of 1e-4, which leaves each estimate within about a
   * hundredth of its standard error of the optimum (|δᵢ| ≤ SEᵢ · √decrement) — far below the
   * Monte Carlo error of a 2.5 % percentile over 1000 replicates (about a tenth of a standard
   * error) — and needs about 6 Fisher-scoring iterations from the warm start instead of 14 from
   * the usual starts at the default 1e-10.
   */
  private static final FitOptions REPLICATE = FitOptions.ml().withTolerance(1e-4);

  /** The number of replicates (0 disables the bootstrap) and the seed. */
  public record Settings(int replicates, long seed) implements Serializable {

    public Settings {
      if (replicates < 0) {
        throw new IllegalArgumentException("bootstrap replicates must be 0 or more, not "
            + replicates);
      }
    }
  }

  /** The percentile interval of one path's estimate and the share of replicates with its sign. */
  public record PathInterval(String lhs, String rhs, double lower, double upper,
      double signAgreement) {
  }

  /** One group's bootstrap: replicates that fitted, those that failed, and the intervals. */
  public record GroupInterval(String group, int fitted, int failed, double vaarLower,
      double vaarUpper, double softVaar, List<PathInterval> paths) {

    public GroupInterval {
      paths = List.copyOf(paths);
    }
  }

  /** The bootstrap of every group. */
  public record Result(int replicates, long seed, String method, List<GroupInterval> groups) {

    public Result {
      groups = List.copyOf(groups);
    }

    /** The group's interval by name, or null. */
    public GroupInterval group(String name) {
      return groups.stream().filter(g -> g.group().equals(name)).findFirst().orElse(null);
    }
  }

  private VaarBootstrap() {
  }

  /**
   * Bootstraps every group.
   *
   * @param variables the columns of the rows, named as in the model
   * @param rows per group, one row per session (NaN marks a missing answer)
   */
  public static Result run(SemModel model, List<String> variables, List<String> groups,
      List<double[][]> rows, List<ExpectedPath> expected, double alpha, Settings settings) {
    List<GroupInterval> intervals = new ArrayList<>();
    for (int g = 0; g < groups.size(); g++) {
      intervals.add(group(model, variables, groups.get(g), g, rows.get(g), expected, alpha,
          settings));
    }
    return new Result(settings.replicates(), settings.seed(), METHOD, intervals);
  }

  /**
   * Bootstraps the multi-group model in which the paths are compared: every replicate resamples
   * each group's sessions (group g of replicate b from (seed, b, g), as {@link #run}) and refits
   * all groups together with the {@code equal} constraints of the comparison level — at the
   * metric level the loadings are shared, so a group's paths depend on every group's data and
   * only a joint refit estimates what the point VAAR judges. Without constraints the groups are
   * independent and this is {@link #run} on the {@code scored} groups. Intervals are reported for
   * the {@code scored} groups only (the models, not a human reference group, which is resampled
   * and refitted with them).
   *
   * @param rows per group, one row per session (NaN marks a missing answer)
   */
  public static Result runJoint(SemModel model, List<String> variables, List<String> groups,
      List<double[][]> rows, Set<GroupEqual> equal, List<String> scored,
      List<ExpectedPath> expected, double alpha, Settings settings) {
    if (equal.isEmpty()) {
      List<double[][]> scoredRows = scored.stream().map(g -> rows.get(groups.indexOf(g))).toList();
      return run(model, variables, scored, scoredRows, expected, alpha, settings);
    }
    List<ResampledMoments> moments = rows.stream().map(ResampledMoments::new).toList();
    FitOptions options = FitOptions.ml().withGroupEqual(equal);
    int b = settings.replicates();
    int[] positions = scored.stream().mapToInt(groups::indexOf).toArray();
    double[][][] estimates = new double[positions.length][b][];
    double[][] vaar = new double[positions.length][b];
    double[][] signs = new double[positions.length][b];
    for (int s = 0; s < positions.length; s++) {
      Arrays.fill(vaar[s], Double.NaN);
      Arrays.fill(signs[s], Double.NaN);
    }
    SemFit point = jointFit(model, variables, groups,
        moments.stream().map(ResampledMoments::all).toList(), options, null);
    if (point != null) {
      IntStream.range(0, b).parallel().forEach(r -> {
        List<SampleMoments> resample = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
          resample.add(moments.get(g).resample(
              new SplittableRandom(replicateSeed(settings.seed(), r, g))));
        }
        SemFit fit = jointFit(model, variables, groups, resample,
            REPLICATE.withGroupEqual(equal), point);
        if (fit == null) {
          return;
        }
        List<VaarScore.GroupVaar> judged = VaarScore.score(fit, expected, alpha);
        for (int s = 0; s < positions.length; s++) {
          Replicate replicate = Replicate.of(judged.get(positions[s]), expected);
          estimates[s][r] = replicate.estimates();
          vaar[s][r] = replicate.vaar();
          signs[s][r] = replicate.signShare();
        }
      });
    }
    List<GroupInterval> intervals = new ArrayList<>();
    for (int s = 0; s < positions.length; s++) {
      intervals.add(summarise(scored.get(s), estimates[s], vaar[s], signs[s], expected));
    }
    return new Result(b, settings.seed(), jointMethod(equal), intervals);
  }

  /** The method line of a joint bootstrap with these constraints. */
  static String jointMethod(Set<GroupEqual> equal) {
    return "nonparametric bootstrap of sessions within each model, all groups resampled together;"
        + " multi-group ML fit with equal " + equal.stream().map(GroupEqual::word).sorted()
        .collect(Collectors.joining(" and ")) + " (listwise, expected-information SEs),"
        + " warm-started at the point estimate; percentile intervals";
  }

  /** The fit of the groups' moments, or null when a group has too few rows or it fails. */
  private static SemFit jointFit(SemModel model, List<String> variables, List<String> groups,
      List<SampleMoments> moments, FitOptions options, SemFit start) {
    if (moments.contains(null)) {
      return null;
    }
    try {
      SemFit fit = SemFitter.fit(model, SemData.ofMoments(variables, groups, moments), options,
          start);
      return fit.converged() ? fit : null;
    } catch (RuntimeException e) {
      // a replicate that cannot be fitted (a singular resample, no convergence) is a failed
      // replicate, counted in the result rather than failing the whole analysis
      return null;
    }
  }

  private static GroupInterval group(SemModel model, List<String> variables, String name,
      int index, double[][] rows, List<ExpectedPath> expected, double alpha, Settings settings) {
    ResampledMoments moments = new ResampledMoments(rows);
    int b = settings.replicates();
    double[][] estimates = new double[b][];
    double[] vaar = new double[b];
    double[] signs = new double[b];
    // a failed replicate stays NaN (and null) and is left out below
    Arrays.fill(vaar, Double.NaN);
    Arrays.fill(signs, Double.NaN);
    SemFit point = pointFit(model, variables, name, moments);
    if (point != null) {
      IntStream.range(0, b).parallel().forEach(r -> {
        SampleMoments resample = moments.resample(
            new SplittableRandom(replicateSeed(settings.seed(), r, index)));
        SemFit fit = replicateFit(model, variables, name, resample, point);
        if (fit == null) {
          return;
        }
        Replicate replicate = Replicate.judge(fit, expected, alpha);
        estimates[r] = replicate.estimates();
        vaar[r] = replicate.vaar();
        signs[r] = replicate.signShare();
      });
    }
    return summarise(name, estimates, vaar, signs, expected);
  }

  /** One group's intervals from its replicates; a failed replicate is NaN (and null). */
  private static GroupInterval summarise(String name, double[][] estimates, double[] vaar,
      double[] signs, List<ExpectedPath> expected) {
    int b = vaar.length;
    int fitted = (int) Arrays.stream(vaar).filter(Double::isFinite).count();
    List<PathInterval> paths = new ArrayList<>();
    for (int p = 0; p < expected.size(); p++) {
      final int path = p;
      double[] values = Arrays.stream(estimates).filter(e -> e != null)
          .mapToDouble(e -> e[path]).toArray();
      ExpectedPath e = expected.get(p);
      double agreeing = Arrays.stream(values).filter(v -> e.sign().agreesWith(v)).count();
      paths.add(new PathInterval(e.lhs(), e.rhs(), quantile(values, LOWER),
          quantile(values, UPPER), values.length == 0 ? Double.NaN : agreeing / values.length));
    }
    double[] vaars = Arrays.stream(vaar).filter(Double::isFinite).toArray();
    double soft = Arrays.stream(signs).filter(Double::isFinite).average().orElse(Double.NaN);
    return new GroupInterval(name, fitted, b - fitted, quantile(vaars, LOWER),
        quantile(vaars, UPPER), soft, paths);
  }

  private static SemFit pointFit(SemModel model, List<String> variables, String name,
      ResampledMoments moments) {
    SampleMoments all = moments.all();
    return all == null ? null : replicateFit(model, variables, name, all, null);
  }

  private static SemFit replicateFit(SemModel model, List<String> variables, String name,
      SampleMoments resample, SemFit start) {
    return jointFit(model, variables, List.of(name), Collections.singletonList(resample),
        start == null ? FitOptions.ml() : REPLICATE, start);
  }

  /** A seed that depends only on (seed, replicate, group): SplitMix64's finaliser of each. */
  static long replicateSeed(long seed, int replicate, int group) {
    return mix(mix(mix(seed) + replicate) + group);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** R's default (type 7) quantile of the values; NaN for none. */
  static double quantile(double[] values, double probability) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double h = (sorted.length - 1) * probability;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  /** One replicate's path estimates, its VAAR and its share of agreeing signs. */
  private record Replicate(double[] estimates, double vaar, double signShare) {

    static Replicate judge(SemFit fit, List<ExpectedPath> expected, double alpha) {
      return of(VaarScore.score(fit, expected, alpha).get(0), expected);
    }

    static Replicate of(VaarScore.GroupVaar scored, List<ExpectedPath> expected) {
      double[] estimates = new double[expected.size()];
      double signed = 0;
      double total = 0;
      for (int p = 0; p < expected.size(); p++) {
        estimates[p] = scored.paths().get(p).est();
        ExpectedPath path = expected.get(p);
        signed += path.sign().agreesWith(estimates[p]) ? path.weight() : 0;
        total += path.weight();
      }
      return new Replicate(estimates, scored.vaar(), signed / total);
    }
  }
}

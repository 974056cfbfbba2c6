package io.vaar.sem.estimation;

import static io.vaar.sem.linalg.Matrices.dot;
import static io.vaar.sem.linalg.Matrices.multiply;

import io.vaar.sem.linalg.BlockArrowSystem;
import io.vaar.sem.linalg.Cholesky;
import io.vaar.sem.linalg.SparseVector;
import java.util.List;

/**
 * The normal-theory discrepancy {@code f(θ) = ½ Σ n [log|Σ_oo| + tr(Σ_oo⁻¹ C)]} summed over
 * data units — one unit per group for complete data, one per missing-data pattern for FIML —
 * with its analytic gradient and expected (Fisher) information. Derivatives of Σ with respect to
 * any RAM element have the form x y' + y x', so the information needs only inner products of
 * those vectors, never p² x q Jacobians.
 */
public final class NormalLikelihood {
  /** Rows of one group that share their observed variables: count, mean and covariance (divisor n). */
  public record Unit(long n, int[] observed, double[] mean, double[][] cov) {}

  private final RamModel model;
  private final List<List<Unit>> groups;
  private final int[][] freeElements;

  public NormalLikelihood(RamModel model, List<List<Unit>> groups) {
    if (groups.size() != model.groupCount()) {
      throw new IllegalArgumentException("one list of units per group is required");
    }
    this.model = model;
    this.groups = groups;
    this.freeElements = new int[model.groupCount()][];
    for (int g = 0; g < model.groupCount(); g++) {
      List<RamModel.Element> els = model.elements(g);
      freeElements[g] = java.util.stream.IntStream.range(0, els.size())
          .filter(i -> els.get(i).isFree()).toArray();
    }
  }

  public RamModel model() {
    return model;
  }

  public List<List<Unit>> groups() {
    return groups;
  }

  /** The value at theta, or +infinity where some implied covariance matrix is not positive definite. */
  public double value(double[] theta) {
    double f = 0;
    for (int g = 0; g < groups.size(); g++) {
      ImpliedMoments im = model.implied(g, theta);
      for (Unit u : groups.get(g)) {
        double[][] sig = sub(im.sigma, u.observed());
        Cholesky ch = Cholesky.of(sig);
        if (ch == null) {
          return Double.POSITIVE_INFINITY;
        }
        double[][] w = ch.inverse();
        double[] d = residualMean(u, im);
        double tr = 0;
        int k = sig.length;
        for (int i = 0; i < k; i++) {
          for (int j = 0; j < k; j++) {
            tr += w[i][j] * (u.cov()[j][i] + d[i] * d[j]);
          }
        }
        f += 0.5 * u.n() * (ch.logDeterminant() + tr);
      }
    }
    return f;
  }

  private double[] residualMean(Unit u, ImpliedMoments im) {
    int[] obs = u.observed();
    double[] d = new double[obs.length];
    if (model.meanStructure()) {
      for (int i = 0; i < obs.length; i++) {
        d[i] = u.mean()[i] - im.mu[obs[i]];
      }
    }
    return d;
  }

  static double[][] sub(double[][] m, int[] idx) {
    int k = idx.length;
    double[][] out = new double[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        out[i][j] = m[idx[i]][idx[j]];
      }
    }
    return out;
  }

  /** For each free parameter, the groups whose matrices it appears in. */
  boolean[][] parameterGroups() {
    boolean[][] out = new boolean[model.freeCount()][model.groupCount()];
    for (int g = 0; g < model.groupCount(); g++) {
      for (RamModel.Element e : model.elements(g)) {
        if (e.isFree()) {
          out[e.free()][g] = true;
        }
      }
    }
    return out;
  }

  /** Which group owns each free parameter (-1 when several groups share it). */
  public int[] parameterOwners() {
    int[] owner = new int[model.freeCount()];
    java.util.Arrays.fill(owner, -2);
    for (int g = 0; g < model.groupCount(); g++) {
      for (RamModel.Element e : model.elements(g)) {
        if (e.isFree()) {
          int o = owner[e.free()];
          owner[e.free()] = o == -2 || o == g ? g : -1;
        }
      }
    }
    for (int i = 0; i < owner.length; i++) {
      if (owner[i] == -2) {
        owner[i] = -1;
      }
    }
    return owner;
  }

  /** The free-parameter index of each free element of group g, in the group's entry order. */
  int[] entryIndex(int g) {
    List<RamModel.Element> els = model.elements(g);
    int[] idx = new int[freeElements[g].length];
    for (int k = 0; k < idx.length; k++) {
      idx[k] = els.get(freeElements[g][k]).free();
    }
    return idx;
  }

  /** Derivative vectors of one group at the implied moments: x, y, dm per free element (E x p). */
  Derivatives derivatives(int g, ImpliedMoments im) {
    List<RamModel.Element> els = model.elements(g);
    int e = freeElements[g].length;
    int p = model.observedCount();
    double[][] x = new double[e][p];
    double[][] y = new double[e][p];
    double[][] dm = new double[e][p];
    for (int k = 0; k < e; k++) {
      im.derivative(els.get(freeElements[g][k]), x[k], y[k], dm[k], model.meanStructure());
    }
    return new Derivatives(x, y, dm);
  }

  record Derivatives(double[][] x, double[][] y, double[][] dm) {}

  /**
   * Evaluates value and gradient, and, when {@code information} is non-null, fills it with the
   * expected information (the Hessian of f in expectation).
   */
  public double evaluate(double[] theta, double[] gradient, BlockArrowSystem information) {
    return evaluate(theta, gradient, information, null);
  }

  /** As {@link #evaluate(double[], double[], BlockArrowSystem)}, over the groups marked in {@code only} (null: all). */
  double evaluate(double[] theta, double[] gradient, BlockArrowSystem information,
      boolean[] only) {
    java.util.Arrays.fill(gradient, 0);
    if (information != null) {
      information.clear();
    }
    double f = 0;
    for (int g = 0; g < groups.size(); g++) {
      if (only != null && !only[g]) {
        continue;
      }
      ImpliedMoments im = model.implied(g, theta);
      Derivatives der = derivatives(g, im);
      int[] idx = entryIndex(g);
      int e = idx.length;
      int p = model.observedCount();
      // the gradient is linear in each unit's M = n W(Σ - C)W and n W d, so sum those over the
      // units (embedded in p x p) and contract with the derivative vectors once per group
      double[][] mSum = new double[p][p];
      double[] wdSum = new double[p];
      double[][] localInfo = information == null ? null : new double[e][e];
      SparseDerivatives sparse = information == null ? null : SparseDerivatives.of(der);
      for (Unit u : groups.get(g)) {
        double uf = accumulateUnit(u, im, sparse, mSum, wdSum, localInfo);
        if (Double.isInfinite(uf)) {
          return Double.POSITIVE_INFINITY;
        }
        f += uf;
      }
      contract(der, idx, mSum, wdSum, gradient);
      if (information != null) {
        information.add(g, idx, localInfo, 1.0);
      }
    }
    return f;
  }

  /**
   * Adds to {@code gradient} the chain rule through one group's derivative vectors:
   * {@code x'M y − dm'·wd} per free element, for the moment gradient (M, wd) summed over units.
   */
  static void contract(Derivatives der, int[] idx, double[][] mSum, double[] wdSum,
      double[] gradient) {
    int p = mSum.length;
    for (int k = 0; k < idx.length; k++) {
      double[] x = der.x()[k];
      double[] y = der.y()[k];
      double gsum = 0;
      for (int i = 0; i < p; i++) {
        if (x[i] != 0) {
          gsum += x[i] * dot(mSum[i], y);
        }
      }
      gsum -= dot(wdSum, der.dm()[k]);
      gradient[idx[k]] += gsum;
    }
  }

  /**
   * The gradient of one group's discrepancy with respect to its implied moments, as the sums
   * over units of n W(Σ − C)W (p x p, twice ∂f/∂Σ) and n W d (p, minus ∂f/∂μ); null where some
   * Σ_oo is not positive definite.
   */
  MomentGradient momentGradient(int g, ImpliedMoments im) {
    int p = model.observedCount();
    double[][] mSum = new double[p][p];
    double[] wdSum = new double[p];
    for (Unit u : groups.get(g)) {
      if (Double.isInfinite(accumulateUnit(u, im, null, mSum, wdSum, null))) {
        return null;
      }
    }
    return new MomentGradient(mSum, wdSum);
  }

  /** See {@link #momentGradient}. */
  record MomentGradient(double[][] m, double[] wd) {}

  private double accumulateUnit(Unit u, ImpliedMoments im, SparseDerivatives sparse,
      double[][] mSum, double[] wdSum, double[][] info) {
    int[] obs = u.observed();
    int k = obs.length;
    double[][] sig = sub(im.sigma, obs);
    Cholesky ch = Cholesky.of(sig);
    if (ch == null) {
      return Double.POSITIVE_INFINITY;
    }
    double[][] w = ch.inverse();
    double[] d = residualMean(u, im);
    double n = u.n();
    // C = cov + d d'; M = W (Sigma - C) W; wd = W d
    double[][] diff = new double[k][k];
    double tr = 0;
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        double c = u.cov()[i][j] + d[i] * d[j];
        diff[i][j] = sig[i][j] - c;
        tr += w[i][j] * c;
      }
    }
    double[][] m = multiply(multiply(w, diff), w);
    for (int i = 0; i < k; i++) {
      double s = 0;
      for (int j = 0; j < k; j++) {
        s += w[i][j] * d[j];
        mSum[obs[i]][obs[j]] += n * m[i][j];
      }
      wdSum[obs[i]] += n * s;
    }
    if (info != null) {
      addInformation(info, n, w, sparse.restrict(obs, model.observedCount()));
    }
    return 0.5 * n * (ch.logDeterminant() + tr);
  }

  /**
   * Adds a unit's expected information n [½ tr(W dΣ_s W dΣ_t) + dμ_s' W dμ_t], which for
   * dΣ = x y' + y x' is n [(x_s'W x_t)(y_s'W y_t) + (x_s'W y_t)(y_s'W x_t) + dμ_s'W dμ_t];
   * every product runs over the nonzeros of the sparser side.
   */
  private static void addInformation(double[][] info, double n, double[][] w,
      SparseDerivatives d) {
    int e = info.length;
    double[][] wx = new double[e][];
    double[][] wy = new double[e][];
    double[][] wdm = new double[e][];
    for (int t = 0; t < e; t++) {
      wx[t] = d.x[t].timesSymmetric(w);
      wy[t] = d.y[t].timesSymmetric(w);
      wdm[t] = d.dm[t].timesSymmetric(w);
    }
    for (int s = 0; s < e; s++) {
      SparseVector xs = d.x[s];
      SparseVector ys = d.y[s];
      SparseVector ms = d.dm[s];
      for (int t = 0; t <= s; t++) {
        SparseVector yt = d.y[t];
        double xx = xs.dot(wx[t]);
        double yy = ys.nonzeros() <= yt.nonzeros() ? ys.dot(wy[t]) : yt.dot(wy[s]);
        double xy = xs.dot(wy[t]);
        double yx = d.x[t].dot(wy[s]);
        double mm = ms.dot(wdm[t]);
        double v = n * (xx * yy + xy * yx + mm);
        info[s][t] += v;
        if (s != t) {
          info[t][s] += v;
        }
      }
    }
  }

  /** A group's derivative vectors x, y and dm as sparse vectors, per free element. */
  record SparseDerivatives(SparseVector[] x, SparseVector[] y, SparseVector[] dm) {
    static SparseDerivatives of(Derivatives der) {
      int e = der.x().length;
      SparseVector[] x = new SparseVector[e];
      SparseVector[] y = new SparseVector[e];
      SparseVector[] dm = new SparseVector[e];
      for (int t = 0; t < e; t++) {
        x[t] = SparseVector.of(der.x()[t]);
        y[t] = SparseVector.of(der.y()[t]);
        dm[t] = SparseVector.of(der.dm()[t]);
      }
      return new SparseDerivatives(x, y, dm);
    }

    /** The vectors over the observed variables {@code obs} only, renumbered. */
    SparseDerivatives restrict(int[] obs, int p) {
      int[] position = new int[p];
      java.util.Arrays.fill(position, -1);
      for (int i = 0; i < obs.length; i++) {
        position[obs[i]] = i;
      }
      int e = x.length;
      SparseVector[] rx = new SparseVector[e];
      SparseVector[] ry = new SparseVector[e];
      SparseVector[] rdm = new SparseVector[e];
      for (int t = 0; t < e; t++) {
        rx[t] = x[t].restrict(position);
        ry[t] = y[t].restrict(position);
        rdm[t] = dm[t].restrict(position);
      }
      return new SparseDerivatives(rx, ry, rdm);
    }
  }
}

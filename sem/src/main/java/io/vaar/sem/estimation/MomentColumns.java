package io.vaar.sem.estimation;

import java.util.Arrays;
import java.util.TreeMap;

/**
 * The Jacobian of one group's implied moments (vech Σ, μ) — the coordinates of
 * {@link SaturatedHessian} — with respect to the free parameters that move the group, as one
 * sparse column per parameter (elements that share a parameter through an equality add up).
 * Sparse because a loading or a variance moves only a few of the p(p+3)/2 moments, which makes
 * {@code J' M J} cheap for any moment-space matrix M.
 */
public record MomentColumns(int dim, int[] parameters, int[][] rows, double[][] values) {

  /** The columns of group {@code g} of {@code f}'s model at {@code theta}. */
  public static MomentColumns of(NormalLikelihood f, double[] theta, int g) {
    RamModel model = f.model();
    NormalLikelihood.Derivatives der = f.derivatives(g, model.implied(g, theta));
    int[] idx = f.entryIndex(g);
    int p = model.observedCount();
    int nv = p * (p + 1) / 2;
    int dim = nv + (model.meanStructure() ? p : 0);
    TreeMap<Integer, double[]> dense = new TreeMap<>();
    for (int t = 0; t < idx.length; t++) {
      double[] col = dense.computeIfAbsent(idx[t], k -> new double[dim]);
      double[] x = der.x()[t];
      double[] y = der.y()[t];
      for (int a = 0; a < p; a++) {
        for (int b = 0; b <= a; b++) {
          col[SaturatedHessian.vech(a, b)] += x[a] * y[b] + y[a] * x[b];
        }
      }
      if (model.meanStructure()) {
        for (int a = 0; a < p; a++) {
          col[nv + a] += der.dm()[t][a];
        }
      }
    }
    int[] parameters = new int[dense.size()];
    int[][] rows = new int[dense.size()][];
    double[][] values = new double[dense.size()][];
    int c = 0;
    for (var column : dense.entrySet()) {
      parameters[c] = column.getKey();
      double[] col = column.getValue();
      int[] nz = new int[dim];
      double[] v = new double[dim];
      int count = 0;
      for (int r = 0; r < dim; r++) {
        if (col[r] != 0) {
          nz[count] = r;
          v[count++] = col[r];
        }
      }
      rows[c] = Arrays.copyOf(nz, count);
      values[c++] = Arrays.copyOf(v, count);
    }
    return new MomentColumns(dim, parameters, rows, values);
  }

  /**
   * Adds {@code J' M J} to the q x q matrix {@code out}, for a moment-space matrix M (dim x dim,
   * not necessarily symmetric).
   */
  public void addSandwich(double[][] m, double[][] out) {
    addSandwichOf(times(m), out);
  }

  /** Adds {@code J' M J} to {@code out}, given the columns of {@code M J} ({@link #times}). */
  public void addSandwichOf(double[][] mj, double[][] out) {
    int k = parameters.length;
    for (int s = 0; s < k; s++) {
      double[] row = out[parameters[s]];
      for (int t = 0; t < k; t++) {
        double sum = 0;
        for (int i = 0; i < rows[s].length; i++) {
          sum += values[s][i] * mj[t][rows[s][i]];
        }
        row[parameters[t]] += sum;
      }
    }
  }

  /** The columns of {@code M J}, one dim-vector per parameter of this group. */
  public double[][] times(double[][] m) {
    int k = parameters.length;
    double[][] mj = new double[k][dim];
    for (int t = 0; t < k; t++) {
      double[] target = mj[t];
      for (int r = 0; r < dim; r++) {
        double[] mr = m[r];
        double s = 0;
        for (int i = 0; i < rows[t].length; i++) {
          s += mr[rows[t][i]] * values[t][i];
        }
        target[r] = s;
      }
    }
    return mj;
  }

  /**
   * Adds {@code left[s] · right[t]} to {@code out} at (parameter s, parameter t): with the
   * columns of {@code M₁ J} and {@code M₂ J}, the q x q matrix {@code J' M₁' M₂ J}.
   */
  public void addProducts(double[][] left, double[][] right, double[][] out) {
    int k = parameters.length;
    for (int s = 0; s < k; s++) {
      for (int t = 0; t < k; t++) {
        double sum = 0;
        for (int r = 0; r < dim; r++) {
          sum += left[s][r] * right[t][r];
        }
        out[parameters[s]][parameters[t]] += sum;
      }
    }
  }
}

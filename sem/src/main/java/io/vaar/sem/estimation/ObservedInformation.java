package io.vaar.sem.estimation;

/**
 * The observed information — the Hessian of the discrepancy at the estimates — that MLR and
 * FIML standard errors and the Yuan–Bentler trace rest on. By the chain rule through the
 * implied moments m(θ) = (vech Σ, μ) it is {@code J' H₁ J + Σₖ gₖ ∂²mₖ/∂θ∂θ'}: the closed-form
 * {@link SaturatedHessian} at m(θ) sandwiched by the Jacobian J, plus the curvature of the
 * moments weighted by the moment gradient g, which does not vanish away from the saturated
 * solution. The curvature term is the Hessian of the linear functional θ ↦ g·m(θ); it is taken
 * by five-point differences (lavaan's step), which need only implied moments — no pass over
 * the data — and only along parameters that enter A, because Σ and μ are linear in S and m.
 * lavaan's {@code observed.information = "hessian"} differences the whole gradient instead; the
 * two agree to about 1e-7.
 */
public final class ObservedInformation {
  private static final double STEP = 1e-6;

  private ObservedInformation() {}

  public static double[][] of(NormalLikelihood f, double[] theta) {
    RamModel model = f.model();
    int q = theta.length;
    int groups = model.groupCount();
    double[][] h = new double[q][q];
    NormalLikelihood.MomentGradient[] moments = new NormalLikelihood.MomentGradient[groups];
    for (int g = 0; g < groups; g++) {
      ImpliedMoments im = model.implied(g, theta);
      MomentJacobian j = MomentJacobian.of(f.derivatives(g, im), model.meanStructure());
      double[][] h1 = SaturatedHessian.of(f.groups().get(g), im.mu, im.sigma,
          model.meanStructure(), j.nonzeroRows());
      moments[g] = f.momentGradient(g, im);
      if (h1 == null || moments[g] == null) {
        throw new IllegalStateException("the implied covariance matrix is not positive definite");
      }
      double[][] local = j.sandwich(h1);
      int[] idx = f.entryIndex(g);
      for (int s = 0; s < idx.length; s++) {
        for (int t = 0; t < idx.length; t++) {
          h[idx[s]][idx[t]] += local[s][t];
        }
      }
    }
    addCurvature(f, theta, moments, h);
    return h;
  }

  /** Adds Σₖ gₖ ∂²mₖ/∂θ∂θ' by differencing the gradient of g·m(θ) along each A parameter. */
  private static void addCurvature(NormalLikelihood f, double[] theta,
      NormalLikelihood.MomentGradient[] moments, double[][] h) {
    RamModel model = f.model();
    int q = theta.length;
    boolean[] inA = new boolean[q];
    for (int g = 0; g < model.groupCount(); g++) {
      for (RamModel.Element e : model.elements(g)) {
        if (e.isFree() && e.matrix() == RamModel.Matrix.A) {
          inA[e.free()] = true;
        }
      }
    }
    boolean[][] touched = f.parameterGroups();
    double[][] c = new double[q][];
    double[] x = theta.clone();
    double[] weights = {1, -8, 8, -1};
    double[] offsets = {-2 * STEP, -STEP, STEP, 2 * STEP};
    for (int j = 0; j < q; j++) {
      if (!inA[j]) {
        continue;
      }
      double[] column = new double[q];
      double[] grad = new double[q];
      for (int s = 0; s < 4; s++) {
        x[j] = theta[j] + offsets[s];
        java.util.Arrays.fill(grad, 0);
        for (int g = 0; g < model.groupCount(); g++) {
          if (touched[j][g]) {
            ImpliedMoments im = model.implied(g, x);
            NormalLikelihood.contract(f.derivatives(g, im), f.entryIndex(g), moments[g].m(),
                moments[g].wd(), grad);
          }
        }
        for (int i = 0; i < q; i++) {
          column[i] += weights[s] * grad[i] / (12 * STEP);
        }
      }
      x[j] = theta[j];
      c[j] = column;
    }
    // S and m enter Σ and μ linearly (given A), so pairs of them have no curvature; pairs with
    // one A parameter take that parameter's column, pairs of A parameters the symmetrised mean
    for (int j = 0; j < q; j++) {
      if (c[j] == null) {
        continue;
      }
      for (int i = 0; i < q; i++) {
        if (c[i] == null) {
          h[i][j] += c[j][i];
          h[j][i] += c[j][i];
        } else if (i <= j) {
          double v = 0.5 * (c[j][i] + c[i][j]);
          h[i][j] += v;
          if (i != j) {
            h[j][i] += v;
          }
        }
      }
    }
  }

  /**
   * The Jacobian of one group's (vech Σ, μ) with respect to its free elements, one sparse column
   * per element: dΣ = x y' + y x' gives vech entries x_a y_b + y_a x_b, dμ = dm.
   */
  private record MomentJacobian(double[][] values, int[][] rows, int dim) {
    static MomentJacobian of(NormalLikelihood.Derivatives der, boolean means) {
      int e = der.x().length;
      int p = e == 0 ? 0 : der.x()[0].length;
      int nv = p * (p + 1) / 2;
      int dim = nv + (means ? p : 0);
      double[][] values = new double[e][];
      int[][] rows = new int[e][];
      double[] col = new double[dim];
      int[] nz = new int[dim];
      for (int t = 0; t < e; t++) {
        double[] x = der.x()[t];
        double[] y = der.y()[t];
        double[] dm = der.dm()[t];
        int count = 0;
        for (int a = 0; a < p; a++) {
          for (int b = 0; b <= a; b++) {
            double v = x[a] * y[b] + y[a] * x[b];
            if (v != 0) {
              nz[count] = SaturatedHessian.vech(a, b);
              col[count++] = v;
            }
          }
        }
        if (means) {
          for (int a = 0; a < p; a++) {
            if (dm[a] != 0) {
              nz[count] = nv + a;
              col[count++] = dm[a];
            }
          }
        }
        values[t] = java.util.Arrays.copyOf(col, count);
        rows[t] = java.util.Arrays.copyOf(nz, count);
      }
      return new MomentJacobian(values, rows, dim);
    }

    /** The coordinates some column moves: the only rows and columns of H that J' H J reads. */
    boolean[] nonzeroRows() {
      boolean[] used = new boolean[dim];
      for (int[] r : rows) {
        for (int i : r) {
          used[i] = true;
        }
      }
      return used;
    }

    /** J' H J for a symmetric H, through the nonzeros of J's columns. */
    double[][] sandwich(double[][] hm) {
      int e = values.length;
      double[][] hj = new double[e][dim];
      for (int t = 0; t < e; t++) {
        double[] out = hj[t];
        for (int k = 0; k < rows[t].length; k++) {
          double v = values[t][k];
          double[] hr = hm[rows[t][k]];
          for (int i = 0; i < dim; i++) {
            out[i] += v * hr[i];
          }
        }
      }
      double[][] local = new double[e][e];
      for (int s = 0; s < e; s++) {
        for (int t = 0; t <= s; t++) {
          double sum = 0;
          double[] hjt = hj[t];
          for (int k = 0; k < rows[s].length; k++) {
            sum += values[s][k] * hjt[rows[s][k]];
          }
          local[s][t] = sum;
          local[t][s] = sum;
        }
      }
      return local;
    }
  }
}

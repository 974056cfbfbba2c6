package io.vaar.sem.estimation;

import io.vaar.sem.data.FourthMoments;
import io.vaar.sem.data.MissingPatterns;
import io.vaar.sem.linalg.Cholesky;
import io.vaar.sem.linalg.Matrices;
import io.vaar.sem.linalg.SparseVector;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The first-order information {@code Σᵢ sᵢ sᵢ'} from casewise scores — the derivative of each
 * case's log-likelihood with respect to the free parameters, over the variables that case
 * observes. It is the "meat" of the Huber–White sandwich, and its trace against the inverse
 * Hessian is the model part of the Yuan–Bentler scaling factor. Without a mean structure the
 * residuals are taken from the sample means, as lavaan does.
 */
public final class CaseScores {
  private CaseScores() {}

  /**
   * @param rows raw rows per group over the model's observed variables (NaN = missing)
   * @return the q x q matrix of summed score cross-products, and per-group parts
   */
  public static double[][][] crossProducts(NormalLikelihood f, double[] theta,
      List<double[][]> rows) {
    return crossProducts(f, theta, java.util.Collections.nCopies(rows.size(), null), rows);
  }

  /**
   * The cross-products of a sample split in two: per group, the cases pooled in fourth moments
   * plus the rows scored one by one; either part may be null. Scores are summed over cases, so
   * the parts add. Without a mean structure the residuals are taken from the sample means,
   * which is only defined when one part holds all the cases.
   */
  public static double[][][] crossProducts(NormalLikelihood f, double[] theta,
      List<FourthMoments> pooled, List<double[][]> rows) {
    RamModel model = f.model();
    int q = model.freeCount();
    double[][][] perGroup = new double[model.groupCount()][][];
    for (int g = 0; g < model.groupCount(); g++) {
      FourthMoments z = pooled.get(g);
      double[][] r = rows.get(g);
      if (!model.meanStructure() && z != null && r != null) {
        throw new IllegalArgumentException("without a mean structure the scores need all cases"
            + " in one part");
      }
      double[][] fromMoments = z == null ? new double[q][q] : groupFromMoments(f, g, theta, z, q);
      double[][] fromRows = r == null ? new double[q][q] : groupCrossProducts(f, g, theta, r, q);
      perGroup[g] = Matrices.sum(new double[][][] {fromMoments, fromRows});
    }
    return perGroup;
  }

  private static double[][] groupCrossProducts(NormalLikelihood f, int g, double[] theta,
      double[][] rows, int q) {
    RamModel model = f.model();
    ImpliedMoments im = model.implied(g, theta);
    NormalLikelihood.SparseDerivatives sparse =
        NormalLikelihood.SparseDerivatives.of(f.derivatives(g, im));
    int[] idx = f.entryIndex(g);
    int e = idx.length;
    int p = model.observedCount();
    double[] center = model.meanStructure() ? im.mu : sampleMeans(rows, p);
    double[][] local = new double[e][e];
    Map<String, PatternCache> caches = new HashMap<>();
    double[] s = new double[e];
    for (double[] row : rows) {
      int[] obs = MissingPatterns.observedIndices(row);
      if (obs.length == 0) {
        continue;
      }
      PatternCache pc = caches.computeIfAbsent(java.util.Arrays.toString(obs),
          k -> new PatternCache(obs, im, sparse));
      int k = obs.length;
      double[] res = new double[k];
      for (int i = 0; i < k; i++) {
        res[i] = row[obs[i]] - center[obs[i]];
      }
      double[] wr = new double[k];
      for (int i = 0; i < k; i++) {
        wr[i] = Matrices.dot(pc.w[i], res);
      }
      for (int t = 0; t < e; t++) {
        double xw = pc.xs[t].dot(wr);
        double yw = pc.ys[t].dot(wr);
        double mw = pc.dms[t].dot(wr);
        s[t] = mw + xw * yw - pc.constant[t];
      }
      for (int a = 0; a < e; a++) {
        double sa = s[a];
        if (sa == 0) {
          continue;
        }
        double[] la = local[a];
        for (int b = 0; b <= a; b++) {
          la[b] += sa * s[b];
        }
      }
    }
    double[][] out = new double[q][q];
    for (int a = 0; a < e; a++) {
      for (int b = 0; b <= a; b++) {
        double v = local[a][b];
        out[idx[a]][idx[b]] += v;
        if (a != b) {
          out[idx[b]][idx[a]] += v;
        }
      }
    }
    return out;
  }

  /**
   * The same cross-products from the moments of {@code z = (y, vech(y y'))} instead of rows:
   * each score is {@code L z + c}, so {@code Σ s s' = L C L' + n (L z̄ + c)(L z̄ + c)'}.
   * Complete data only.
   */
  public static double[][][] crossProductsFromMoments(NormalLikelihood f, double[] theta,
      List<FourthMoments> moments) {
    return crossProducts(f, theta, moments,
        java.util.Collections.nCopies(moments.size(), null));
  }

  private static double[][] groupFromMoments(NormalLikelihood f, int g, double[] theta,
      FourthMoments z, int q) {
    RamModel model = f.model();
    ImpliedMoments im = model.implied(g, theta);
    NormalLikelihood.Derivatives der = f.derivatives(g, im);
    int[] idx = f.entryIndex(g);
    int e = idx.length;
    int p = model.observedCount();
    int d = FourthMoments.width(p);
    double[] center = model.meanStructure() ? im.mu : java.util.Arrays.copyOf(z.zMean(), p);
    double[][] w = Cholesky.of(im.sigma).inverse();
    double[][] l = new double[e][d];
    double[] c = new double[e];
    for (int t = 0; t < e; t++) {
      double[] u = Matrices.multiply(w, der.x()[t]);
      double[] v = Matrices.multiply(w, der.y()[t]);
      double[] wm = Matrices.multiply(w, der.dm()[t]);
      // Q = (u v' + v u') / 2; s = (wm - 2 Q center)'y + y'Q y + center'Q center - wm'center - x'W y
      double[] qc = new double[p];
      for (int i = 0; i < p; i++) {
        qc[i] = 0.5 * (u[i] * Matrices.dot(v, center) + v[i] * Matrices.dot(u, center));
      }
      for (int i = 0; i < p; i++) {
        l[t][i] = wm[i] - 2 * qc[i];
        for (int j = i; j < p; j++) {
          double qij = 0.5 * (u[i] * v[j] + v[i] * u[j]);
          l[t][FourthMoments.pairIndex(p, i, j)] = i == j ? qij : 2 * qij;
        }
      }
      c[t] = Matrices.dot(center, qc) - Matrices.dot(wm, center)
          - Matrices.dot(der.x()[t], v);
    }
    double[][] cl = new double[d][e];
    double[][] scatter = z.zScatter();
    for (int a = 0; a < d; a++) {
      double[] sa = scatter[a];
      for (int t = 0; t < e; t++) {
        cl[a][t] = Matrices.dot(sa, l[t]);
      }
    }
    double[] shift = new double[e];
    for (int t = 0; t < e; t++) {
      shift[t] = Matrices.dot(l[t], z.zMean()) + c[t];
    }
    double[][] out = new double[q][q];
    for (int a = 0; a < e; a++) {
      for (int b = 0; b < e; b++) {
        double s = z.n() * shift[a] * shift[b];
        for (int k = 0; k < d; k++) {
          s += l[a][k] * cl[k][b];
        }
        out[idx[a]][idx[b]] += s;
      }
    }
    return out;
  }



  /** One pattern's W = Σ_oo⁻¹, derivative vectors restricted to it, and constants x'W y. */
  private static final class PatternCache {
    final double[][] w;
    final SparseVector[] xs;
    final SparseVector[] ys;
    final SparseVector[] dms;
    final double[] constant;

    PatternCache(int[] obs, ImpliedMoments im, NormalLikelihood.SparseDerivatives der) {
      Cholesky ch = Cholesky.of(NormalLikelihood.sub(im.sigma, obs));
      if (ch == null) {
        throw new IllegalStateException("implied covariance matrix is not positive definite");
      }
      w = ch.inverse();
      NormalLikelihood.SparseDerivatives local = der.restrict(obs, im.sigma.length);
      xs = local.x();
      ys = local.y();
      dms = local.dm();
      constant = new double[xs.length];
      for (int t = 0; t < xs.length; t++) {
        constant[t] = xs[t].dot(ys[t].timesSymmetric(w));
      }
    }
  }

  private static double[] sampleMeans(double[][] rows, int p) {
    double[] m = new double[p];
    int[] n = new int[p];
    for (double[] r : rows) {
      for (int i = 0; i < p; i++) {
        if (!Double.isNaN(r[i])) {
          m[i] += r[i];
          n[i]++;
        }
      }
    }
    for (int i = 0; i < p; i++) {
      m[i] /= Math.max(1, n[i]);
    }
    return m;
  }
}

package io.vaar.sem;

import io.vaar.sem.data.FourthMoments;
import io.vaar.sem.data.MissingPatterns;
import io.vaar.sem.estimation.CaseScores;
import io.vaar.sem.estimation.NormalLikelihood;
import io.vaar.sem.estimation.ObservedInformation;
import io.vaar.sem.estimation.RamModel;
import io.vaar.sem.estimation.SaturatedHessian;
import io.vaar.sem.linalg.Cholesky;
import io.vaar.sem.linalg.Matrices;
import java.util.ArrayList;
import java.util.List;

/**
 * The saturated-model part of the Yuan–Bentler (Mplus variant) trace, {@code tr(B₁ A₁⁻¹)}:
 * first-order against observed information of the unrestricted normal model at its estimates.
 * With complete data it reduces to Mardia's multivariate kurtosis, ½·mean(dᵢ⁴) + p/2 (with
 * means) or − p/2 (without), dᵢ the Mahalanobis distance; with missing data the unrestricted
 * model is evaluated pattern by pattern at its EM estimates.
 */
final class SaturatedTrace {
  private SaturatedTrace() {}

  static double complete(double[][] rows, double[] mean, double[][] cov, boolean meanStructure) {
    int p = mean.length;
    double[][] w = Cholesky.of(cov).inverse();
    double sum = 0;
    double[] r = new double[p];
    for (double[] row : rows) {
      for (int i = 0; i < p; i++) {
        r[i] = row[i] - mean[i];
      }
      double m = 0;
      for (int i = 0; i < p; i++) {
        double s = 0;
        for (int j = 0; j < p; j++) {
          s += w[i][j] * r[j];
        }
        m += r[i] * s;
      }
      sum += m * m;
    }
    return 0.5 * sum / rows.length + (meanStructure ? 0.5 * p : -0.5 * p);
  }

  /** The complete-data trace from z-moments: Mahalanobis distances are affine in z. */
  static double complete(FourthMoments z, double[] mean, double[][] cov, boolean meanStructure) {
    int p = mean.length;
    double[][] w = Cholesky.of(cov).inverse();
    int d = FourthMoments.width(p);
    double[] a = new double[d];
    double b = 0;
    for (int i = 0; i < p; i++) {
      double wm = 0;
      for (int j = 0; j < p; j++) {
        wm += w[i][j] * mean[j];
        a[FourthMoments.pairIndex(p, i, j)] = i == j ? w[i][i] : 2 * w[i][j];
      }
      a[i] = -2 * wm;
      b += mean[i] * wm;
    }
    double quad = 0;
    for (int r = 0; r < d; r++) {
      double s = 0;
      for (int c = 0; c < d; c++) {
        s += z.zScatter()[r][c] * a[c];
      }
      quad += a[r] * s;
    }
    double shift = b;
    for (int r = 0; r < d; r++) {
      shift += a[r] * z.zMean()[r];
    }
    double meanSquare = (quad + z.n() * shift * shift) / z.n();
    return 0.5 * meanSquare + (meanStructure ? 0.5 * p : -0.5 * p);
  }

  /**
   * The unrestricted model of one group at its (EM) estimates, in the coordinates (vech Σ by
   * rows, μ): its observed information H (the Hessian of the discrepancy, summed over cases)
   * and its first-order information B (Σᵢ sᵢ sᵢ'). Coordinates marked in {@code dropped} (the
   * moments of fixed.x covariates alone, which the model does not estimate) are taken out, as
   * lavaan does: H is the identity there and B zero, so every trace sees the other coordinates
   * only; {@code dropped} is null when nothing is.
   */
  record Saturated(double[][] h, double[][] b, Cholesky hFactor, boolean[] dropped) {

    static Saturated of(MissingPatterns mp, FourthMoments pooled, double[][] rows,
        double[] mean, double[][] cov, boolean[] dropped) {
      NormalLikelihood lik = saturatedLikelihood(mp);
      double[] th = saturatedParameters(mean, cov);
      double[][] h = ObservedInformation.of(lik, th);
      double[][] b = CaseScores.crossProducts(lik, th,
          java.util.Collections.singletonList(pooled),
          java.util.Collections.singletonList(rows))[0];
      if (dropped != null) {
        for (int i = 0; i < h.length; i++) {
          for (int j = 0; j < h.length; j++) {
            if (dropped[i] || dropped[j]) {
              h[i][j] = i == j ? 1 : 0;
              b[i][j] = 0;
            }
          }
        }
      }
      return new Saturated(h, b, Cholesky.of(h), dropped);
    }

    /** tr(B H⁻¹): this group's part of the Yuan–Bentler trace. */
    double trace() {
      return Matrices.traceOfProduct(b, hFactor.inverse());
    }

    /**
     * The coordinates a model with these fixed.x covariates (marked among the p variables) does
     * not estimate: variances, covariances and means among covariates alone, and every mean
     * without a mean structure; null when there are none.
     */
    static boolean[] droppedCoordinates(int p, boolean[] covariate, boolean meanStructure) {
      int nv = p * (p + 1) / 2;
      boolean[] dropped = new boolean[nv + p];
      boolean any = false;
      for (int a = 0; a < p; a++) {
        for (int c = 0; c <= a; c++) {
          dropped[SaturatedHessian.vech(a, c)] = covariate[a] && covariate[c];
          any |= dropped[SaturatedHessian.vech(a, c)];
        }
        dropped[nv + a] = covariate[a] || !meanStructure;
        any |= dropped[nv + a];
      }
      return any ? dropped : null;
    }
  }

  /** The unrestricted normal model over the patterns: vech Σ by rows, then μ, all free. */
  static NormalLikelihood saturatedLikelihood(MissingPatterns mp) {
    int p = mp.variables();
    List<RamModel.Element> els = new ArrayList<>();
    int free = 0;
    for (int i = 0; i < p; i++) {
      for (int j = 0; j <= i; j++) {
        els.add(new RamModel.Element(RamModel.Matrix.S, i, j, free++, 0));
      }
    }
    for (int i = 0; i < p; i++) {
      els.add(new RamModel.Element(RamModel.Matrix.M, i, 0, free++, 0));
    }
    RamModel ram = new RamModel(p, p, true, free, List.of(els));
    List<NormalLikelihood.Unit> units = new ArrayList<>();
    for (MissingPatterns.Pattern pt : mp.patterns()) {
      units.add(new NormalLikelihood.Unit(pt.moments().n(), pt.observed(), pt.moments().mean(),
          pt.moments().cov()));
    }
    return new NormalLikelihood(ram, List.of(units));
  }

  /** The parameters of {@link #saturatedLikelihood} at given moments. */
  static double[] saturatedParameters(double[] mean, double[][] cov) {
    int p = mean.length;
    double[] th = new double[p * (p + 1) / 2 + p];
    int k = 0;
    for (int i = 0; i < p; i++) {
      for (int j = 0; j <= i; j++) {
        th[k++] = cov[i][j];
      }
    }
    for (int i = 0; i < p; i++) {
      th[k++] = mean[i];
    }
    return th;
  }
}

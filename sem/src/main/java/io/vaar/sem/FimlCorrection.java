package io.vaar.sem;

import io.vaar.sem.data.MissingPatterns;
import io.vaar.sem.estimation.MomentColumns;
import io.vaar.sem.estimation.NormalLikelihood;
import io.vaar.sem.estimation.RamModel;
import io.vaar.sem.estimation.SaturatedHessian;
import io.vaar.sem.linalg.Cholesky;
import io.vaar.sem.linalg.Matrices;
import java.util.ArrayList;
import java.util.List;

/**
 * The ingredients of the robust CFI, TLI and RMSEA under MLR with missing data, as lavaan 0.6
 * computes them (Zhang and Savalei 2022, "FIML-corrected", version V3): the chi-square of the
 * fitted model against the EM estimates of the unrestricted model taken as complete-data
 * moments, and its scaling factor {@code k / df} with
 * {@code k = tr(U Hm⁻¹ Hc Hm⁻¹ U Γ)}, {@code U = Hm − Hm Δ (Δ' Hm Δ)⁻¹ Δ' Hm},
 * {@code Γ = Hm⁻¹ B Hm⁻¹} — Hm the observed and B the first-order information of the
 * unrestricted model for the incomplete data, Hc its complete-data information, all at the EM
 * estimates, and Δ the Jacobian of the implied moments. Expanded, k needs only
 * {@code tr(Hc Hm⁻¹ B Hm⁻¹)} per group (the data's part, shared by every model fitted to the
 * same inputs) and four q x q sandwiches {@code Δ' M Δ}, which the sparse Δ makes cheap.
 * The same holds for the baseline model with its own Δ.
 */
final class FimlCorrection {
  private FimlCorrection() {}

  /** The corrected statistic and its scaling factor. */
  record Corrected(double chisq, double scaling) {}

  /**
   * What one group's data contribute, whatever the model: the unrestricted model's Hm and B,
   * its complete-data information Hc, and {@code tr(Hc Hm⁻¹ B Hm⁻¹)}.
   */
  record GroupPart(SaturatedTrace.Saturated saturated, double[][] hc, double trace) {

    static GroupPart of(SaturatedTrace.Saturated saturated, long n, double[] mean,
        double[][] cov) {
      int p = mean.length;
      List<NormalLikelihood.Unit> complete = List.of(new NormalLikelihood.Unit(n,
          MissingPatterns.allVariables(p), mean, cov));
      double[][] hc = SaturatedHessian.of(complete, mean, cov, true, null);
      boolean[] dropped = saturated.dropped();
      for (int i = 0; dropped != null && i < hc.length; i++) {
        for (int j = 0; j < hc.length; j++) {
          if (dropped[i] || dropped[j]) {
            hc[i][j] = 0;
          }
        }
      }
      Cholesky hm = saturated.hFactor();
      double[][] hmInvB = hm.solveMatrix(saturated.b());
      double[][] hmInvHc = hm.solveMatrix(hc);
      double trace = Matrices.traceOfProduct(hmInvHc, hmInvB);
      return new GroupPart(saturated, hc, trace);
    }
  }

  /** The data parts of every group of a FIML fit; null where some group's Hm is singular. */
  static List<GroupPart> parts(SemFitter.GroupInputs in) {
    List<GroupPart> parts = new ArrayList<>();
    for (int g = 0; g < in.patterns.size(); g++) {
      SaturatedTrace.Saturated saturated = in.saturated().get(g);
      if (saturated.hFactor() == null) {
        return null;
      }
      parts.add(GroupPart.of(saturated, in.n.get(g), in.means.get(g), in.covs.get(g)));
    }
    return parts;
  }

  /**
   * The corrected statistic and scaling factor of the model {@code ram} at its estimates
   * {@code theta}, or null where the information {@code Δ' Hm Δ} is singular.
   */
  static Corrected of(RamModel ram, double[] theta, double df, SemFitter.GroupInputs in,
      List<GroupPart> parts) {
    int q = theta.length;
    NormalLikelihood lik = new NormalLikelihood(ram, in.units);
    double[][] e = new double[q][q];
    double[][] kc = new double[q][q];
    double[][] kb = new double[q][q];
    double[][] kr = new double[q][q];
    double dataTrace = 0;
    for (int g = 0; g < parts.size(); g++) {
      GroupPart part = parts.get(g);
      MomentColumns delta = MomentColumns.of(lik, theta, g);
      SaturatedTrace.Saturated saturated = part.saturated();
      double[][] hcJ = delta.times(part.hc());
      double[][] bJ = delta.times(saturated.b());
      delta.addSandwich(saturated.h(), e);
      delta.addSandwichOf(hcJ, kc);
      delta.addSandwichOf(bJ, kb);
      // J' Hc Hm⁻¹ B J from the columns of Hc J and Hm⁻¹ B J: no dim x dim product
      double[][] hmInvBj = new double[bJ.length][];
      for (int t = 0; t < bJ.length; t++) {
        hmInvBj[t] = saturated.hFactor().solve(bJ[t]);
      }
      delta.addProducts(hcJ, hmInvBj, kr);
      dataTrace += part.trace();
    }
    Cholesky factor = Cholesky.of(e);
    if (factor == null) {
      return null;
    }
    double[][] eInv = factor.inverse();
    double k = dataTrace - 2 * Matrices.traceOfProduct(eInv, kr)
        + Matrices.traceOfProduct(Matrices.multiply(eInv, kc), Matrices.multiply(eInv, kb));
    return new Corrected(completeDataChisq(ram, theta, in), k / df);
  }

  /**
   * The likelihood-ratio statistic of the model at {@code theta} against the EM moments, each
   * group's taken as the complete-data mean and covariance of its n cases.
   */
  private static double completeDataChisq(RamModel ram, double[] theta,
      SemFitter.GroupInputs in) {
    List<List<NormalLikelihood.Unit>> units = new ArrayList<>();
    double saturated = 0;
    for (int g = 0; g < in.n.size(); g++) {
      int p = in.means.get(g).length;
      units.add(List.of(new NormalLikelihood.Unit(in.n.get(g),
          io.vaar.sem.data.MissingPatterns.allVariables(p), in.means.get(g), in.covs.get(g))));
      saturated += 0.5 * in.n.get(g) * (Cholesky.of(in.covs.get(g)).logDeterminant() + p);
    }
    return 2 * (new NormalLikelihood(ram, units).value(theta) - saturated);
  }
}

package io.vaar.sem.estimation;

import io.vaar.sem.data.MissingPatterns;
import io.vaar.sem.data.SampleMoments;
import io.vaar.sem.linalg.Cholesky;

/**
 * The saturated (unrestricted) normal model fitted to incomplete data by the EM algorithm,
 * working on missing-data patterns rather than cases: the conditional expectation of the
 * missing part is linear in the observed part, so a pattern's contribution to the expected
 * sufficient statistics follows from its count, mean and covariance. Its log-likelihood is the
 * reference the FIML chi-square is measured against.
 */
public final class SaturatedEm {
  /** The EM estimates and their log-likelihood. */
  public record Result(double[] mean, double[][] cov, double logl, int iterations) {}

  private SaturatedEm() {}

  public static Result fit(MissingPatterns patterns) {
    int p = patterns.variables();
    // start from the available-case means and variances, no covariances
    MissingPatterns.Marginals start = patterns.marginals();
    double[] mu = start.mean();
    double[][] sigma = new double[p][p];
    for (int v = 0; v < p; v++) {
      sigma[v][v] = start.variance()[v];
    }
    double n = patterns.cases();
    int iter = 0;
    double prev = Double.NEGATIVE_INFINITY;
    for (iter = 1; iter <= 10000; iter++) {
      double[] t1 = new double[p];
      double[][] t2 = new double[p][p];
      for (MissingPatterns.Pattern pat : patterns.patterns()) {
        accumulate(pat, mu, sigma, t1, t2);
      }
      double maxChange = 0;
      double[] newMu = new double[p];
      double[][] newSigma = new double[p][p];
      for (int i = 0; i < p; i++) {
        newMu[i] = t1[i] / n;
      }
      for (int i = 0; i < p; i++) {
        for (int j = 0; j < p; j++) {
          newSigma[i][j] = t2[i][j] / n - newMu[i] * newMu[j];
          maxChange = Math.max(maxChange, Math.abs(newSigma[i][j] - sigma[i][j]));
        }
        maxChange = Math.max(maxChange, Math.abs(newMu[i] - mu[i]));
      }
      mu = newMu;
      sigma = newSigma;
      if (maxChange < 1e-11) {
        break;
      }
      double ll = logLikelihood(patterns, mu, sigma);
      if (Math.abs(ll - prev) < 1e-14 * Math.abs(ll)) {
        break;
      }
      prev = ll;
    }
    return new Result(mu, sigma, logLikelihood(patterns, mu, sigma), iter);
  }

  private static void accumulate(MissingPatterns.Pattern pat, double[] mu, double[][] sigma,
      double[] t1, double[][] t2) {
    int p = mu.length;
    int[] o = pat.observed();
    SampleMoments m = pat.moments();
    double n = m.n();
    boolean[] isObs = new boolean[p];
    for (int v : o) {
      isObs[v] = true;
    }
    int[] mis = java.util.stream.IntStream.range(0, p).filter(v -> !isObs[v]).toArray();
    int k = o.length;
    // E[y_m | y_o] = a + B y_o with B = Σ_mo Σ_oo⁻¹, a = μ_m - B μ_o
    double[][] b = new double[mis.length][k];
    double[][] condCov = new double[mis.length][mis.length];
    if (mis.length > 0) {
      Cholesky ch = Cholesky.of(NormalLikelihood.sub(sigma, o));
      double[][] smo = new double[k][mis.length];
      for (int i = 0; i < k; i++) {
        for (int j = 0; j < mis.length; j++) {
          smo[i][j] = sigma[o[i]][mis[j]];
        }
      }
      double[][] sol = ch.solveMatrix(smo); // Σ_oo⁻¹ Σ_om : k x m
      for (int j = 0; j < mis.length; j++) {
        for (int i = 0; i < k; i++) {
          b[j][i] = sol[i][j];
        }
      }
      for (int r = 0; r < mis.length; r++) {
        for (int c = 0; c < mis.length; c++) {
          double s = sigma[mis[r]][mis[c]];
          for (int i = 0; i < k; i++) {
            s -= sigma[mis[r]][o[i]] * sol[i][c];
          }
          condCov[r][c] = s;
        }
      }
    }
    // full-length expected mean of the pattern's cases and their expected second moments
    double[] mean = new double[p];
    for (int i = 0; i < k; i++) {
      mean[o[i]] = m.mean()[i];
    }
    for (int j = 0; j < mis.length; j++) {
      double s = mu[mis[j]];
      for (int i = 0; i < k; i++) {
        s += b[j][i] * (m.mean()[i] - mu[o[i]]);
      }
      mean[mis[j]] = s;
    }
    // covariance across cases of the completed vector: [S_o, S_o B'; B S_o, B S_o B'] + [0,0;0,C]
    double[][] full = new double[p][p];
    double[][] so = m.cov();
    double[][] bso = new double[mis.length][k];
    for (int j = 0; j < mis.length; j++) {
      for (int i = 0; i < k; i++) {
        double s = 0;
        for (int t = 0; t < k; t++) {
          s += b[j][t] * so[t][i];
        }
        bso[j][i] = s;
      }
    }
    for (int i = 0; i < k; i++) {
      for (int t = 0; t < k; t++) {
        full[o[i]][o[t]] = so[i][t];
      }
      for (int j = 0; j < mis.length; j++) {
        full[o[i]][mis[j]] = bso[j][i];
        full[mis[j]][o[i]] = bso[j][i];
      }
    }
    for (int r = 0; r < mis.length; r++) {
      for (int c = 0; c < mis.length; c++) {
        double s = condCov[r][c];
        for (int t = 0; t < k; t++) {
          s += bso[r][t] * b[c][t];
        }
        full[mis[r]][mis[c]] = s;
      }
    }
    for (int i = 0; i < p; i++) {
      t1[i] += n * mean[i];
      for (int j = 0; j < p; j++) {
        t2[i][j] += n * (full[i][j] + mean[i] * mean[j]);
      }
    }
  }

  /** The observed-data log-likelihood of (mu, sigma), summed over patterns. */
  public static double logLikelihood(MissingPatterns patterns, double[] mu, double[][] sigma) {
    double ll = 0;
    for (MissingPatterns.Pattern pat : patterns.patterns()) {
      int[] o = pat.observed();
      SampleMoments m = pat.moments();
      Cholesky ch = Cholesky.of(NormalLikelihood.sub(sigma, o));
      if (ch == null) {
        return Double.NEGATIVE_INFINITY;
      }
      double[][] w = ch.inverse();
      int k = o.length;
      double tr = 0;
      for (int i = 0; i < k; i++) {
        for (int j = 0; j < k; j++) {
          double di = m.mean()[i] - mu[o[i]];
          double dj = m.mean()[j] - mu[o[j]];
          tr += w[i][j] * (m.cov()[j][i] + di * dj);
        }
      }
      ll += -0.5 * m.n() * (k * Math.log(2 * Math.PI) + ch.logDeterminant() + tr);
    }
    return ll;
  }
}

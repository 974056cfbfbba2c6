package io.vaar.sem;

import io.vaar.sem.data.MissingPatterns;
import io.vaar.sem.estimation.NormalLikelihood;
import io.vaar.sem.estimation.ObservedInformation;
import io.vaar.sem.estimation.RamModel;
import io.vaar.sem.fit.FitMeasures;
import io.vaar.sem.linalg.Cholesky;
import io.vaar.sem.linalg.Matrices;
import io.vaar.sem.model.ParameterTable;
import java.util.ArrayList;
import java.util.List;

/**
 * lavaan's baseline (independence) model: every observed variable with its own variance (and
 * mean, with a mean structure), no covariances except among fixed.x covariates. Its estimates
 * are closed-form — each variable's mean and variance over its observed values — so it is
 * built directly rather than optimised; under MLR its own Yuan–Bentler scaling factor feeds
 * the scaled CFI and TLI.
 */
final class BaselineModel {
  private BaselineModel() {}

  static SemFitter.Baseline fit(SemFitter.GroupInputs in, ParameterTable table, boolean means,
      boolean mlr) {
    int p = table.observed().size();
    List<String> exo = table.exogenousObserved();
    boolean[] isExo = new boolean[p];
    for (String x : exo) {
      isExo[table.observed().indexOf(x)] = true;
    }
    int groups = in.units.size();
    List<List<RamModel.Element>> elements = new ArrayList<>();
    List<Double> theta = new ArrayList<>();
    int free = 0;
    for (int g = 0; g < groups; g++) {
      MissingPatterns.Marginals marginals = marginals(in, g);
      double[] mean = marginals.mean();
      double[] var = marginals.variance();
      List<RamModel.Element> els = new ArrayList<>();
      for (int i = 0; i < p; i++) {
        if (isExo[i]) {
          for (int j = 0; j <= i; j++) {
            if (isExo[j]) {
              els.add(new RamModel.Element(RamModel.Matrix.S, i, j, -1, in.covs.get(g)[i][j]));
            }
          }
          if (means) {
            els.add(new RamModel.Element(RamModel.Matrix.M, i, 0, -1, in.means.get(g)[i]));
          }
          continue;
        }
        els.add(new RamModel.Element(RamModel.Matrix.S, i, i, free++, 0));
        theta.add(var[i]);
        if (means) {
          els.add(new RamModel.Element(RamModel.Matrix.M, i, 0, free++, 0));
          theta.add(mean[i]);
        }
      }
      elements.add(els);
    }
    RamModel ram = new RamModel(p, p, means, free, elements);
    NormalLikelihood lik = new NormalLikelihood(ram, in.units);
    double[] th = theta.stream().mapToDouble(Double::doubleValue).toArray();
    double logl = -lik.value(th) - 0.5 * in.observedValues() * Math.log(2 * Math.PI);
    double chisq = 2 * (in.saturatedLogl - logl);
    int nx = exo.size();
    int perGroup = p * (p + 1) / 2 + (means ? p : 0) - nx * (nx + 1) / 2 - (means ? nx : 0);
    double df = (double) groups * perGroup - free;
    FitMeasures.Test test = new FitMeasures.Test(chisq, df);
    double scaling = Double.NaN;
    if (mlr && df > 0) {
      double[][] h = ObservedInformation.of(lik, th);
      Cholesky ch = Cholesky.of(h);
      if (ch != null) {
        double[][] b = Matrices.sum(in.crossProducts(lik, th));
        scaling = (in.traceH1() - Matrices.traceOfProduct(b, ch.inverse())) / df;
      }
    }
    return new SemFitter.Baseline(test, scaling, ram, th);
  }

  /**
   * Each variable's mean and variance over the cases that observe it: pooled over the
   * missing-data patterns under FIML, the listwise sample moments otherwise.
   */
  private static MissingPatterns.Marginals marginals(SemFitter.GroupInputs in, int g) {
    if (!in.patterns.isEmpty()) {
      return in.patterns.get(g).marginals();
    }
    double[][] cov = in.covs.get(g);
    double[] var = new double[cov.length];
    for (int i = 0; i < cov.length; i++) {
      var[i] = cov[i][i];
    }
    return new MissingPatterns.Marginals(in.means.get(g), var);
  }
}

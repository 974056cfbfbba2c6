package io.vaar.sem;

import io.vaar.sem.estimation.NormalLikelihood;
import io.vaar.sem.linalg.BlockArrowSystem;
import io.vaar.sem.model.ParameterRow;
import io.vaar.sem.model.ParameterTable;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;

/**
 * Finds which free parameter an unidentified model cannot pin down: the expected information,
 * scaled to unit diagonal, has a (near) null direction, and the parameter with the largest
 * weight in it is the one to name in the error message.
 */
final class IdentificationDiagnosis {
  private IdentificationDiagnosis() {}

  static String weakestParameter(NormalLikelihood lik, double[] theta, ParameterTable table) {
    int q = theta.length;
    if (q == 0 || q > 2000) {
      return null;
    }
    double[][] dense = denseInformation(lik, theta, new double[q]);
    double[] scale = new double[q];
    for (int i = 0; i < q; i++) {
      scale[i] = dense[i][i] > 0 ? 1 / Math.sqrt(dense[i][i]) : 1;
    }
    for (int i = 0; i < q; i++) {
      for (int j = 0; j < q; j++) {
        dense[i][j] *= scale[i] * scale[j];
      }
    }
    EigenDecomposition eig = new EigenDecomposition(MatrixUtils.createRealMatrix(dense));
    double[] values = eig.getRealEigenvalues();
    int min = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] < values[min]) {
        min = i;
      }
    }
    double[] v = eig.getEigenvector(min).toArray();
    int best = 0;
    for (int i = 1; i < q; i++) {
      if (Math.abs(v[i]) > Math.abs(v[best])) {
        best = i;
      }
    }
    final int target = best;
    ParameterRow row = table.rows().stream().filter(r -> r.free() == target).findFirst().orElse(null);
    return row == null ? null : row.lhs() + " " + row.op() + " " + row.rhs();
  }

  private static double[][] denseInformation(NormalLikelihood lik, double[] theta, double[] grad) {
    int q = theta.length;
    int groups = lik.model().groupCount();
    int[] owner = lik.parameterOwners();
    BlockArrowSystem info = new BlockArrowSystem(q, owner, groups);
    lik.evaluate(theta, grad, info);
    return info.toDense();
  }
}

package io.vaar.sem.estimation;

import java.util.List;

/**
 * A structural equation model in reticular-action form, one set of matrices per group: A holds
 * directed effects (loadings and regressions), S the (residual) variances and covariances, and m
 * the intercepts and latent means. Observed variables come first, latent ones after. Every
 * matrix element is either fixed or tied to an index of the free-parameter vector; several
 * elements may share one index (equality constraints).
 */
public final class RamModel {
  /** Which matrix an element lives in. */
  public enum Matrix { A, S, M }

  /** One matrix element of one group, fixed or free. */
  public record Element(Matrix matrix, int row, int col, int free, double fixedValue) {
    public boolean isFree() {
      return free >= 0;
    }
  }

  private final int observed;
  private final int variables;
  private final boolean meanStructure;
  private final int freeCount;
  private final List<List<Element>> groups;

  public RamModel(int observed, int variables, boolean meanStructure, int freeCount,
      List<List<Element>> groups) {
    this.observed = observed;
    this.variables = variables;
    this.meanStructure = meanStructure;
    this.freeCount = freeCount;
    this.groups = List.copyOf(groups.stream().map(List::copyOf).toList());
  }

  public int observedCount() {
    return observed;
  }

  public int variableCount() {
    return variables;
  }

  public boolean meanStructure() {
    return meanStructure;
  }

  public int freeCount() {
    return freeCount;
  }

  public int groupCount() {
    return groups.size();
  }

  public List<Element> elements(int group) {
    return groups.get(group);
  }

  /** The model matrices of one group at parameter vector theta. */
  public ImpliedMoments implied(int group, double[] theta) {
    int nv = variables;
    double[][] a = new double[nv][nv];
    double[][] s = new double[nv][nv];
    double[] m = new double[nv];
    for (Element e : groups.get(group)) {
      double v = e.isFree() ? theta[e.free()] : e.fixedValue();
      switch (e.matrix()) {
        case A -> a[e.row()][e.col()] = v;
        case S -> {
          s[e.row()][e.col()] = v;
          s[e.col()][e.row()] = v;
        }
        case M -> m[e.row()] = v;
      }
    }
    return ImpliedMoments.compute(observed, a, s, m);
  }
}

package io.vaar.sem.model;

import io.vaar.sem.estimation.RamModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The complete parameter table of a model for a given number of groups, with the observed and
 * latent variable names in lavaan's order. It converts itself to the reticular-action form the
 * estimator works with.
 */
public final class ParameterTable {
  private final List<ParameterRow> rows;
  private final List<String> observed;
  private final List<String> latent;
  private final int groups;
  private final int freeCount;
  private final boolean meanStructure;

  ParameterTable(List<ParameterRow> rows, List<String> observed, List<String> latent, int groups,
      int freeCount, boolean meanStructure) {
    this.rows = List.copyOf(rows);
    this.observed = List.copyOf(observed);
    this.latent = List.copyOf(latent);
    this.groups = groups;
    this.freeCount = freeCount;
    this.meanStructure = meanStructure;
  }

  public List<ParameterRow> rows() {
    return rows;
  }

  public List<String> observed() {
    return observed;
  }

  public List<String> latent() {
    return latent;
  }

  public int groupCount() {
    return groups;
  }

  public int freeCount() {
    return freeCount;
  }

  public boolean meanStructure() {
    return meanStructure;
  }

  /** Observed variables whose moments are fixed at sample values (lavaan's fixed.x covariates). */
  public List<String> exogenousObserved() {
    return rows.stream().filter(r -> r.exogenous() && r.op().equals("~~") && r.lhs().equals(r.rhs())
        && r.group() == 1).map(ParameterRow::lhs).toList();
  }

  /** A copy whose exogenous rows take their values from per-group sample means and covariances. */
  public ParameterTable withExogenousValues(List<double[]> means, List<double[][]> covs) {
    Map<String, Integer> index = variableIndex();
    List<ParameterRow> out = new ArrayList<>(rows.size());
    for (ParameterRow r : rows) {
      if (!r.exogenous()) {
        out.add(r);
        continue;
      }
      int g = r.group() - 1;
      int i = index.get(r.lhs());
      double v = r.op().equals("~1") ? means.get(g)[i] : covs.get(g)[i][index.get(r.rhs())];
      out.add(r.withValue(v));
    }
    return new ParameterTable(out, observed, latent, groups, freeCount, meanStructure);
  }

  /** Index of every variable in the RAM ordering: observed first, then latent. */
  public Map<String, Integer> variableIndex() {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < observed.size(); i++) {
      index.put(observed.get(i), i);
    }
    for (int i = 0; i < latent.size(); i++) {
      index.put(latent.get(i), observed.size() + i);
    }
    return index;
  }

  /** The RAM form: one matrix element per row. */
  public RamModel toRamModel() {
    Map<String, Integer> index = variableIndex();
    List<List<RamModel.Element>> perGroup = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      perGroup.add(new ArrayList<>());
    }
    for (ParameterRow r : rows) {
      perGroup.get(r.group() - 1).add(element(r, index));
    }
    return new RamModel(observed.size(), observed.size() + latent.size(), meanStructure, freeCount,
        perGroup);
  }

  /** The RAM element a row sets. */
  public static RamModel.Element element(ParameterRow r, Map<String, Integer> index) {
    int free = r.free();
    double value = r.value();
    return switch (r.op()) {
      case "=~" -> new RamModel.Element(RamModel.Matrix.A, index.get(r.rhs()), index.get(r.lhs()),
          free, value);
      case "~" -> new RamModel.Element(RamModel.Matrix.A, index.get(r.lhs()), index.get(r.rhs()),
          free, value);
      case "~~" -> {
        int i = index.get(r.lhs());
        int j = index.get(r.rhs());
        yield new RamModel.Element(RamModel.Matrix.S, Math.max(i, j), Math.min(i, j), free, value);
      }
      case "~1" -> new RamModel.Element(RamModel.Matrix.M, index.get(r.lhs()), 0, free, value);
      default -> throw new IllegalStateException("unknown operator " + r.op());
    };
  }
}

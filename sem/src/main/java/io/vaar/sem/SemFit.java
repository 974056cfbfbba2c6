package io.vaar.sem;

import java.util.List;
import java.util.Map;

/**
 * The result of a fit: whether it converged, the estimator and missing-data method, the group
 * names and sizes, lavaan's fit measures by lavaan's names (NaN where not defined), the
 * parameter table with standard errors and standardized values, R² per group, and warnings such
 * as an improper solution (a negative variance estimate).
 */
public record SemFit(boolean converged, String estimator, String missing, List<String> groups,
    List<Long> groupSizes, Map<String, Double> fit, List<ParameterEstimate> parameters,
    List<Map<String, Double>> r2, List<String> warnings, int iterations) {

  public SemFit {
    groups = List.copyOf(groups);
    groupSizes = List.copyOf(groupSizes);
    fit = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fit));
    parameters = List.copyOf(parameters);
    r2 = List.copyOf(r2);
    warnings = List.copyOf(warnings);
  }

  /** The fit measure by lavaan's name, or NaN when it is not defined for this fit. */
  public double measure(String name) {
    return fit.getOrDefault(name, Double.NaN);
  }

  /** The estimate row for lhs op rhs in a group (1-based), or null. */
  public ParameterEstimate parameter(String lhs, String op, String rhs, int group) {
    return parameters.stream().filter(p -> p.lhs().equals(lhs) && p.op().equals(op)
        && p.rhs().equals(rhs) && p.group() == group).findFirst().orElse(null);
  }

  /** True when some variance estimate is negative (a Heywood case). */
  public boolean improper() {
    return parameters.stream().anyMatch(p -> p.op().equals("~~") && p.lhs().equals(p.rhs())
        && p.est() < 0);
  }
}

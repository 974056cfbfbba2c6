package io.vaar.sem.model;

/**
 * One row of the parameter table, as lavaan's {@code parTable()} has it: a loading
 * ({@code =~}), regression ({@code ~}), (co)variance ({@code ~~}) or intercept ({@code ~1}) of
 * one group (1-based), fixed at {@code value} or free with index {@code free} (0-based; -1 when
 * fixed). Rows with the same free index are held equal. {@code exogenous} marks the variances,
 * covariances and means of observed exogenous covariates that lavaan fixes at their sample
 * values ({@code fixed.x}).
 */
public record ParameterRow(String lhs, String op, String rhs, int group, String label,
    boolean user, int free, double value, Double start, boolean exogenous) {

  public boolean isFree() {
    return free >= 0;
  }

  ParameterRow withValue(double v) {
    return new ParameterRow(lhs, op, rhs, group, label, user, free, v, start, exogenous);
  }
}

package io.vaar.sem;

/**
 * One row of the estimated parameter table, with lavaan's column names in mind: the estimate,
 * its standard error, z and two-sided p-value (NaN for fixed parameters), and the
 * standardized values std.lv (latent variables scaled to unit variance) and std.all (all
 * variables). Groups are numbered from 1.
 */
public record ParameterEstimate(String lhs, String op, String rhs, int group, String label,
  boolean free, double est, double se, double z, double pvalue, double stdLv, double stdAll) {}

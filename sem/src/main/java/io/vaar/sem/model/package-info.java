/**
 * The parameter table: every loading, regression, (co)variance and intercept of every group,
 * built from parsed model syntax with the defaults of lavaan's {@code sem()} and {@code cfa()}
 * (marker loadings, free residual variances, covariances among exogenous latent variables and
 * among outcome residuals, intercepts when there is a mean structure) and with equality through
 * shared labels and {@code group.equal}.
 */
package io.vaar.sem.model;

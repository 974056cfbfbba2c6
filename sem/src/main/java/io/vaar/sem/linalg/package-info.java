/**
 * Small dense linear-algebra kernels the estimator calls in its inner loops: a Cholesky
 * factorisation of symmetric positive-definite matrices and the block-arrow solver that keeps
 * multi-group information matrices cheap, and sparse vectors for derivatives that move one or a
 * few variables. Sizes are tens to a few hundred, so plain arrays
 * beat general-purpose matrix objects here.
 */
package io.vaar.sem.linalg;

/**
 * What a fit is computed from: per-group sample moments (n, means, covariances with divisor
 * n), the mergeable accumulators that build them from rows or from other accumulators — up to
 * {@link io.vaar.sem.data.GroupStatistics}, which serve every estimator and missing-data option
 * — and the missing-data patterns full-information maximum likelihood works with.
 */
package io.vaar.sem.data;

/**
 * Estimation: the model in reticular-action (RAM) form, its implied moments and their
 * derivatives, the normal-theory fit functions for complete data and for missing data (FIML),
 * Fisher scoring, and the standard-error and robust corrections computed at the optimum.
 */
package io.vaar.sem.estimation;

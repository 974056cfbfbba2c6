/**
 * A structural equation modelling engine that reproduces lavaan's numbers: model syntax,
 * parameter tables with lavaan's defaults, maximum-likelihood estimation (ML, MLR, FIML) for
 * one or many groups, fit measures, standardized solutions and measurement invariance. Plain
 * Java on commons-math3; it knows nothing of Beam, surveys or language models.
 */
package io.vaar.sem;

/**
 * Fit measures as lavaan's {@code fitMeasures()} reports them — chi-square tests, CFI, TLI,
 * RMSEA with its interval and close-fit test, SRMR, information criteria — and the
 * standardized solution with R².
 */
package io.vaar.sem.fit;

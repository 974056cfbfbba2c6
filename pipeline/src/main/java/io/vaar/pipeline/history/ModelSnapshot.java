package io.vaar.pipeline.history;

import java.util.Map;

/**
 * What one run concluded about one model: sessions used, soft VAAR (NaN without a bootstrap) and
 * the measures compared across runs in report order — {@link #VAAR} first, then each expected
 * path named {@code LHS~RHS}.
 */
public record ModelSnapshot(String model, int sessions, boolean simulated, double softVaar,
    Map<String, Estimate> measures) {

  /** The name of the VAAR measure among a snapshot's measures. */
  public static final String VAAR = "VAAR";

  public ModelSnapshot {
    measures = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(measures));
  }

  /** The model's VAAR and its interval. */
  public Estimate vaar() {
    return measures.get(VAAR);
  }
}

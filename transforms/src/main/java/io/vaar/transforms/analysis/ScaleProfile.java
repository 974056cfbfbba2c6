package io.vaar.transforms.analysis;

import java.util.List;

/**
 * One scale (factor) of one model: the sessions with a score, the mean and SD of the scale score
 * (the mean of its answered items), Cronbach's α over sessions that answered every item,
 * McDonald's ω from the model's fitted loadings, and the latent mean relative to the first
 * model, which is defined only when scalar invariance holds (NaN otherwise).
 */
public record ScaleProfile(String factor, List<String> items, long n, double mean, double sd,
    double cronbachAlpha, double omega, double latentMean) {

  public ScaleProfile {
    items = List.copyOf(items);
  }
}

package io.vaar.transforms.analysis;

import java.util.List;

/**
 * A model's Privacy–PSA–AoDS profile: its scales side by side, the number of sessions and how
 * its answers ended (invalid, refused and error rates).
 */
public record ModelProfile(String model, int sessions, List<ScaleProfile> scales,
    ResponseCounts counts) {

  public ModelProfile {
    scales = List.copyOf(scales);
  }
}

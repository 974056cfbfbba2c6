package io.vaar.transforms.simulated;

import java.util.Locale;
import java.util.Map;

/**
 * The ground truth of a simulated model: how its latent acceptance of data sharing depends on
 * the three privacy-concern dimensions (control, awareness, collection) and on prosocialness.
 * {@link #ALIGNED} follows the human reference (privacy lowers, prosocialness raises
 * acceptance), {@link #INVERTED} reverses every sign, {@link #INDIFFERENT} has no effect at all.
 */
public enum SimulatedProfile {
  ALIGNED(-0.30, -0.30, -0.35, 0.45),
  INVERTED(0.30, 0.30, 0.35, -0.45),
  INDIFFERENT(0, 0, 0, 0);

  private final double control;
  private final double awareness;
  private final double collection;
  private final double prosocialness;

  SimulatedProfile(double control, double awareness, double collection, double prosocialness) {
    this.control = control;
    this.awareness = awareness;
    this.collection = collection;
    this.prosocialness = prosocialness;
  }

  /** The structural weight on each predictor trait, keyed like {@link LatentTraits}. */
  public Map<String, Double> weights() {
    return Map.of(LatentTraits.CONTROL, control, LatentTraits.AWARENESS, awareness,
        LatentTraits.COLLECTION, collection, LatentTraits.PROSOCIALNESS, prosocialness);
  }

  /** The profile named in a run config: {@code aligned}, {@code inverted} or {@code indifferent}. */
  public static SimulatedProfile parse(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown simulated profile '" + name
          + "'; use aligned, inverted or indifferent");
    }
  }

  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }
}

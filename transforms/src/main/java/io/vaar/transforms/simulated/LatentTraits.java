package io.vaar.transforms.simulated;

import io.vaar.transforms.protocol.StableHash;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One simulated persona's standing on each construct, drawn from a seed that the persona's
 * system message determines. The three privacy dimensions share a general concern factor
 * (correlation 0.25), prosocialness is independent of them, and acceptance of data sharing is
 * the profile's weighted sum of the four plus a residual that keeps its variance at one. Any
 * other construct (a user's own instrument) gets its own independent standard-normal trait.
 */
final class LatentTraits {

  static final String CONTROL = "control";
  static final String AWARENESS = "awareness";
  static final String COLLECTION = "collection";
  static final String PROSOCIALNESS = "prosocialness";
  static final String DATA_SHARING = "data_sharing";
  private static final double GENERAL_CONCERN_LOADING = 0.5;
  private static final double MIN_RESIDUAL_VARIANCE = 0.2;

  private final long seed;
  private final double control;
  private final double awareness;
  private final double collection;
  private final double prosocialness;
  private final double dataSharing;

  LatentTraits(long seed, SimulatedProfile profile) {
    this.seed = seed;
    SplittableRandom random = new SplittableRandom(seed);
    double general = Gaussian.next(random);
    double unique = Math.sqrt(1 - GENERAL_CONCERN_LOADING * GENERAL_CONCERN_LOADING);
    control = GENERAL_CONCERN_LOADING * general + unique * Gaussian.next(random);
    awareness = GENERAL_CONCERN_LOADING * general + unique * Gaussian.next(random);
    collection = GENERAL_CONCERN_LOADING * general + unique * Gaussian.next(random);
    prosocialness = Gaussian.next(random);
    Map<String, Double> w = profile.weights();
    double explained = explainedVariance(w);
    dataSharing = w.get(CONTROL) * control + w.get(AWARENESS) * awareness
        + w.get(COLLECTION) * collection + w.get(PROSOCIALNESS) * prosocialness
        + Math.sqrt(Math.max(MIN_RESIDUAL_VARIANCE, 1 - explained)) * Gaussian.next(random);
  }

  /** w'Σw for the predictor covariance above: unit variances, 0.25 among the privacy three. */
  private static double explainedVariance(Map<String, Double> w) {
    double[] privacy = {w.get(CONTROL), w.get(AWARENESS), w.get(COLLECTION)};
    double covariance = GENERAL_CONCERN_LOADING * GENERAL_CONCERN_LOADING;
    double total = w.get(PROSOCIALNESS) * w.get(PROSOCIALNESS);
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        total += privacy[i] * privacy[j] * (i == j ? 1 : covariance);
      }
    }
    return total;
  }

  /** The trait an item of this construct and dimension measures. */
  double trait(String construct, String dimension) {
    return switch (construct) {
      case "privacy_concern" -> switch (dimension) {
        case CONTROL -> control;
        case AWARENESS -> awareness;
        case COLLECTION -> collection;
        default -> other(construct + "/" + dimension);
      };
      case PROSOCIALNESS -> prosocialness;
      case DATA_SHARING -> dataSharing;
      default -> other(construct);
    };
  }

  private double other(String construct) {
    return Gaussian.next(new SplittableRandom(StableHash.mix(seed, StableHash.of(construct))));
  }
}

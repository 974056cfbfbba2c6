package io.vaar.transforms.simulated;

import java.util.SplittableRandom;

/** Standard normal draws from a {@link SplittableRandom}, by the Box–Muller transform. */
final class Gaussian {

  private Gaussian() {
  }

  static double next(SplittableRandom random) {
    double u = 1.0 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * v);
  }
}

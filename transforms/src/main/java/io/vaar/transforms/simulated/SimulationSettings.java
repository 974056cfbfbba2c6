package io.vaar.transforms.simulated;

import java.io.Serializable;

/**
 * How untidy a simulated respondent is: the share of answers wrapped in chatty words, the share
 * that are unusable (ranges, fractions, off-scale points, evasions), the share that decline to
 * answer, and a seed that makes two simulated models with the same profile different people.
 * The untidy replies exist so that the parser and the corrective re-asks are exercised.
 */
public record SimulationSettings(double chattyRate, double malformedRate, double refusalRate,
    long seed) implements Serializable {

  public SimulationSettings {
    check("chatty_rate", chattyRate);
    check("malformed_rate", malformedRate);
    check("refusal_rate", refusalRate);
    if (malformedRate + refusalRate > 1) {
      throw new IllegalArgumentException("malformed_rate + refusal_rate must not exceed 1");
    }
  }

  private static void check(String name, double rate) {
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException(name + " must be between 0 and 1, not " + rate);
    }
  }

  /** The demo's respondents: mostly tidy, some chatter, a few bad and refused answers. */
  public static SimulationSettings defaults(long seed) {
    return new SimulationSettings(0.15, 0.03, 0.01, seed);
  }
}

package io.vaar.transforms.simulated;

import io.vaar.transforms.instruments.ResponseScale;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The ways a simulated respondent words a reply: a bare number; a number in chatty words or an
 * anchor label, which the parser must read; an unusable reply (a range, a fraction, a point off
 * the scale, an evasion), which must be re-asked; or a refusal.
 */
final class ReplyPhrasing {

  static final String[] REFUSALS = {
      "I'm sorry, but I can't answer that.",
      "As an AI, I don't have personal opinions on this.",
      "I'd prefer not to answer this one."};

  private ReplyPhrasing() {
  }

  static String bare(int value) {
    return String.valueOf(value);
  }

  static String chatty(int value, ResponseScale scale, SplittableRandom random) {
    String label = scale.anchor(value).orElse(null);
    int style = random.nextInt(8);
    if (label == null && (style == 1 || style == 3 || style == 7)) {
      style = 0;
    }
    return switch (style) {
      case 0 -> "I'd say " + value + ".";
      case 1 -> value + " - " + label.toLowerCase(Locale.ROOT);
      case 2 -> "Answer: " + value;
      case 3 -> label + ".";
      case 4 -> "**" + value + "**";
      case 5 -> "Probably a " + value + " for me.";
      case 6 -> "Thinking about my own situation, I would answer " + value + ".";
      default -> value + " (" + label + ")";
    };
  }

  static String malformed(int value, ResponseScale scale, SplittableRandom random) {
    int neighbour = value < scale.max() ? value + 1 : value - 1;
    return switch (random.nextInt(5)) {
      case 0 -> "Somewhere between " + Math.min(value, neighbour) + " and "
          + Math.max(value, neighbour) + ".";
      case 1 -> Math.min(value, neighbour) + "-" + Math.max(value, neighbour);
      case 2 -> "It really depends on the situation.";
      case 3 -> String.valueOf(scale.max() + 1);
      default -> Math.min(value, neighbour) + ".5";
    };
  }

  static String refusal(SplittableRandom random) {
    return REFUSALS[random.nextInt(REFUSALS.length)];
  }

  static boolean isRefusal(String reply) {
    for (String refusal : REFUSALS) {
      if (refusal.equals(reply)) {
        return true;
      }
    }
    return false;
  }
}

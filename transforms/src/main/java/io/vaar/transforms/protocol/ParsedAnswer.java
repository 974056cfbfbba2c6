package io.vaar.transforms.protocol;

/**
 * What the parser made of one reply: a value on the scale ({@link Outcome#OK}), or no value
 * because the reply was unusable ({@link Outcome#INVALID}) or declined to answer
 * ({@link Outcome#REFUSED}), with a short reason kept in the record for later audit.
 */
public record ParsedAnswer(Outcome outcome, Integer value, String reason) {

  /** The three ways a reply can end up. */
  public enum Outcome { OK, INVALID, REFUSED }

  public static ParsedAnswer ok(int value) {
    return new ParsedAnswer(Outcome.OK, value, "");
  }

  public static ParsedAnswer invalid(String reason) {
    return new ParsedAnswer(Outcome.INVALID, null, reason);
  }

  public static ParsedAnswer refused(String reason) {
    return new ParsedAnswer(Outcome.REFUSED, null, reason);
  }

  public boolean isOk() {
    return outcome == Outcome.OK;
  }
}

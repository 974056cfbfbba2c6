package io.vaar.transforms.analysis;

import java.io.Serializable;

/**
 * How the items asked of a model ended: answered, invalid after every re-ask, refused, or lost to
 * a call error. Mergeable, so per-session counts add up to a model's.
 */
public record ResponseCounts(long asked, long ok, long invalid, long refused, long error)
    implements Serializable {

  public static final ResponseCounts NONE = new ResponseCounts(0, 0, 0, 0, 0);

  public ResponseCounts plus(ResponseCounts other) {
    return new ResponseCounts(asked + other.asked, ok + other.ok, invalid + other.invalid,
        refused + other.refused, error + other.error);
  }

  public double invalidRate() {
    return asked == 0 ? Double.NaN : (double) invalid / asked;
  }

  public double refusalRate() {
    return asked == 0 ? Double.NaN : (double) refused / asked;
  }

  public double errorRate() {
    return asked == 0 ? Double.NaN : (double) error / asked;
  }
}

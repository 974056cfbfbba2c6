package io.vaar.transforms.instruments;

import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The answer scale of an instrument: integer points from {@code min} to {@code max} and the
 * anchor labels of some or all points (at least both ends). Reverse keying maps a point to
 * {@code max + min - x}.
 */
public record ResponseScale(int min, int max, Map<Integer, String> anchors)
    implements Serializable {

  public ResponseScale {
    if (min >= max) {
      throw new IllegalArgumentException("scale min " + min + " must be below max " + max);
    }
    anchors = Collections.unmodifiableMap(new TreeMap<>(anchors));
  }

  public boolean contains(int value) {
    return value >= min && value <= max;
  }

  public int points() {
    return max - min + 1;
  }

  public int reverse(int value) {
    return max + min - value;
  }

  public Optional<String> anchor(int value) {
    return Optional.ofNullable(anchors.get(value));
  }
}

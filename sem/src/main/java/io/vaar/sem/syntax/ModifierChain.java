package io.vaar.sem.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * Merges the prefixes of one term ({@code start(1)*a*NA*x}) into a single modifier per group.
 * A single modifier is broadcast over a per-group vector, two vectors must have the same length,
 * and two prefixes that give one parameter different values (a fixed value and {@code NA}, two
 * labels, two start values) are an error rather than "last one wins", since either reading
 * would silently change the model.
 */
final class ModifierChain {

  private List<Modifier> merged = List.of();

  void add(List<Modifier> prefix, Token at) {
    if (merged.isEmpty()) {
      merged = prefix;
      return;
    }
    int size = Math.max(merged.size(), prefix.size());
    if (merged.size() != prefix.size() && merged.size() != 1 && prefix.size() != 1) {
      throw at.error("per-group vectors of different lengths (" + merged.size() + " and "
          + prefix.size() + ") on one term");
    }
    List<Modifier> result = new ArrayList<>(size);
    for (int group = 0; group < size; group++) {
      result.add(merge(pick(merged, group), pick(prefix, group), at));
    }
    merged = List.copyOf(result);
  }

  List<Modifier> result() {
    return merged;
  }

  private static Modifier pick(List<Modifier> vector, int group) {
    return vector.size() == 1 ? vector.get(0) : vector.get(group);
  }

  private static Modifier merge(Modifier earlier, Modifier later, Token at) {
    Double fixed = pickSame(earlier.fixed(), later.fixed(), "fixed value", at);
    Double start = pickSame(earlier.start(), later.start(), "start value", at);
    String label = pickSame(earlier.label(), later.label(), "label", at);
    boolean free = earlier.free() || later.free();
    if (free && fixed != null) {
      throw at.error("conflicting modifiers: fixed value " + NumberText.of(fixed) + " and NA (free)");
    }
    return new Modifier(fixed, free, label, start);
  }

  private static <T> T pickSame(T earlier, T later, String what, Token at) {
    if (earlier != null && later != null && !earlier.equals(later)) {
      throw at.error("conflicting modifiers: " + what + " " + shown(earlier) + " and "
          + what + " " + shown(later));
    }
    return earlier != null ? earlier : later;
  }

  private static String shown(Object value) {
    return value instanceof Double number ? NumberText.of(number) : "'" + value + "'";
  }
}

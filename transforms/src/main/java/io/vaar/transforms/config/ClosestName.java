package io.vaar.transforms.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * The known name a misspelt one was most likely meant to be, by edit distance, for "did you
 * mean" hints. Names further than a third of their length (and at least two edits) away are not
 * suggested, so an unrelated key gets the list of allowed keys instead of a wrong guess.
 */
final class ClosestName {

  private ClosestName() {
  }

  static Optional<String> among(String typed, Collection<String> known) {
    int allowed = Math.max(2, typed.length() / 3);
    return known.stream()
        .filter(name -> distance(typed, name) <= allowed)
        .min(Comparator.comparingInt((String name) -> distance(typed, name)));
  }

  /** Levenshtein distance, case-insensitive. */
  static int distance(String a, String b) {
    String s = a.toLowerCase();
    String t = b.toLowerCase();
    int[] previous = new int[t.length() + 1];
    int[] current = new int[t.length() + 1];
    for (int j = 0; j <= t.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= s.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= t.length(); j++) {
        int substitution = previous[j - 1] + (s.charAt(i - 1) == t.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[t.length()];
  }
}

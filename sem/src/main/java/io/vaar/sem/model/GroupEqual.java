package io.vaar.sem.model;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** The parameter classes lavaan's {@code group.equal} can hold equal across groups, by lavaan's words. */
public enum GroupEqual {
  LOADINGS("loadings"),
  INTERCEPTS("intercepts"),
  MEANS("means"),
  REGRESSIONS("regressions"),
  RESIDUALS("residuals"),
  RESIDUAL_COVARIANCES("residual.covariances"),
  LV_VARIANCES("lv.variances"),
  LV_COVARIANCES("lv.covariances");

  private final String word;

  GroupEqual(String word) {
    this.word = word;
  }

  public String word() {
    return word;
  }

  /** Parses a comma-separated list of lavaan words; an unknown word is an error naming the valid ones. */
  public static Set<GroupEqual> parseList(String list) {
    Set<GroupEqual> out = EnumSet.noneOf(GroupEqual.class);
    if (list == null || list.isBlank()) {
      return out;
    }
    for (String raw : list.split(",")) {
      String w = raw.trim();
      if (w.isEmpty()) {
        continue;
      }
      out.add(Arrays.stream(values()).filter(g -> g.word.equals(w)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("unknown --group-equal word '" + w
              + "'; use any of " + Arrays.stream(values()).map(GroupEqual::word)
                  .collect(Collectors.joining(",")))));
    }
    return out;
  }
}

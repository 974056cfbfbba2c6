package io.vaar.sem.model;

import io.vaar.sem.syntax.Modifier;
import io.vaar.sem.syntax.Operator;
import io.vaar.sem.syntax.Statement;
import io.vaar.sem.syntax.Term;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the {@link ParameterTable} from parsed statements the way lavaan's {@code lavaanify}
 * does for {@code sem()} and {@code cfa()}: user rows first, then default variances, latent
 * covariances, outcome residual covariances, fixed.x moments and intercepts; the first loading
 * of each factor fixed to 1; modifiers applied per group; and equality through shared labels
 * (the user's, or those {@code group.equal} implies). Variable names follow lavaan's order:
 * indicators, then outcomes, then covariates, then the rest.
 */
public final class ParameterTableBuilder {
  private ParameterTableBuilder() {}

  private static final class Draft {
    final String lhs;
    final String op;
    final String rhs;
    final boolean user;
    final List<Modifier> modifiers = new ArrayList<>();

    Draft(String lhs, String op, String rhs, boolean user) {
      this.lhs = lhs;
      this.op = op;
      this.rhs = rhs;
      this.user = user;
    }

    String key() {
      if (op.equals("~~") && lhs.compareTo(rhs) > 0) {
        return rhs + "~~" + lhs;
      }
      return lhs + op + rhs;
    }
  }

  /**
   * @param meanStructure whether intercepts and means are part of the model
   */
  public static ParameterTable build(List<Statement> statements, int groups,
      Set<GroupEqual> groupEqual, boolean meanStructure) {
    if (statements.isEmpty()) {
      throw new IllegalArgumentException("the model has no statements");
    }
    Map<String, Draft> userRows = new LinkedHashMap<>();
    for (Statement s : statements) {
      for (Term t : s.terms()) {
        String op = s.op().symbol();
        String rhs = s.op() == Operator.INTERCEPT ? "" : t.variable();
        Draft d = new Draft(s.lhs(), op, rhs, true);
        Draft existing = userRows.putIfAbsent(d.key(), d);
        Draft target = existing == null ? d : existing;
        if (!t.modifiers().isEmpty()) {
          if (!target.modifiers.isEmpty() && target.modifiers.size() != t.modifiers().size()) {
            throw new IllegalArgumentException("line " + s.line() + ": '" + d.key()
                + "' is given modifiers twice with different numbers of groups");
          }
          if (target.modifiers.isEmpty()) {
            target.modifiers.addAll(t.modifiers());
          } else {
            for (int i = 0; i < t.modifiers().size(); i++) {
              target.modifiers.set(i, merge(target.modifiers.get(i), t.modifiers().get(i)));
            }
          }
        }
        if (t.modifiers().size() > 1 && t.modifiers().size() != groups) {
          throw new IllegalArgumentException("line " + s.line() + ": c(...) gives "
              + t.modifiers().size() + " values for '" + d.key() + "' but the data have " + groups
              + (groups == 1 ? " group" : " groups"));
        }
      }
    }
    Variables v = Variables.of(userRows.values());
    if (v.latent.isEmpty() && v.observed.isEmpty()) {
      throw new IllegalArgumentException("the model names no variables");
    }
    boolean means = meanStructure || userRows.values().stream().anyMatch(d -> d.op.equals("~1"));

    List<Draft> defaults = new ArrayList<>();
    for (String ov : v.observed) {
      if (!v.exogenous.contains(ov)) {
        defaults.add(new Draft(ov, "~~", ov, false));
      }
    }
    for (String lv : v.latent) {
      defaults.add(new Draft(lv, "~~", lv, false));
    }
    addPairs(defaults, v.latentExogenous);
    List<String> outcomes = new ArrayList<>(v.latentOutcomes);
    outcomes.addAll(v.observedOutcomes);
    addPairs(defaults, outcomes);
    List<String> x = new ArrayList<>(v.exogenous);
    for (int j = 0; j < x.size(); j++) {
      for (int i = j; i < x.size(); i++) {
        defaults.add(new Draft(x.get(j), "~~", x.get(i), false));
      }
    }
    if (means) {
      for (String ov : v.observed) {
        defaults.add(new Draft(ov, "~1", "", false));
      }
      for (String lv : v.latent) {
        defaults.add(new Draft(lv, "~1", "", false));
      }
    }
    List<Draft> all = new ArrayList<>(userRows.values());
    for (Draft d : defaults) {
      if (!userRows.containsKey(d.key())) {
        all.add(d);
      }
    }

    Set<String> firstLoadingSeen = new LinkedHashSet<>();
    List<ParameterRow> rows = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (int g = 1; g <= groups; g++) {
      firstLoadingSeen.clear();
      for (Draft d : all) {
        boolean free = true;
        double value = Double.NaN;
        boolean exo = false;
        if (d.op.equals("=~") && firstLoadingSeen.add(d.lhs)) {
          free = false;
          value = 1;
        }
        if (d.op.equals("~1") && !d.user) {
          if (v.latent.contains(d.lhs)) {
            boolean freedByScalar = g > 1 && groupEqual.contains(GroupEqual.INTERCEPTS)
                && !groupEqual.contains(GroupEqual.MEANS);
            free = freedByScalar;
            value = freedByScalar ? Double.NaN : 0;
          }
        }
        if (!d.user && v.exogenous.contains(d.lhs)
            && (d.op.equals("~1") || (d.op.equals("~~") && v.exogenous.contains(d.rhs)))) {
          free = false;
          exo = true;
        }
        Double start = null;
        String label = "";
        Modifier m = modifierFor(d, g);
        if (m != null) {
          if (m.fixed() != null) {
            free = false;
            value = m.fixed();
          } else if (m.free()) {
            free = true;
            value = Double.NaN;
          }
          start = m.start();
          if (m.label() != null) {
            label = m.label();
          }
        }
        rows.add(new ParameterRow(d.lhs, d.op, d.rhs, g, label, d.user, free ? 0 : -1,
            free ? Double.NaN : value, start, exo));
        labels.add(equalityLabel(d, g, label, groupEqual, v));
      }
    }
    return assignFreeIndices(rows, labels, v, groups, means);
  }

  private static Modifier merge(Modifier a, Modifier b) {
    return new Modifier(b.fixed() != null ? b.fixed() : a.fixed(), a.free() || b.free(),
        b.label() != null ? b.label() : a.label(), b.start() != null ? b.start() : a.start());
  }

  private static Modifier modifierFor(Draft d, int group) {
    if (d.modifiers.isEmpty()) {
      return null;
    }
    return d.modifiers.size() == 1 ? d.modifiers.get(0) : d.modifiers.get(group - 1);
  }

  private static void addPairs(List<Draft> out, List<String> names) {
    for (int i = 0; i < names.size(); i++) {
      for (int j = i + 1; j < names.size(); j++) {
        out.add(new Draft(names.get(i), "~~", names.get(j), false));
      }
    }
  }

  /** lavaan's equality label: user label, else lhs-op-rhs per group, shared with group 1 by group.equal. */
  private static String equalityLabel(Draft d, int g, String userLabel, Set<GroupEqual> eq,
      Variables v) {
    if (!userLabel.isEmpty()) {
      return userLabel;
    }
    String base = d.lhs + d.op + d.rhs;
    if (g == 1 || heldEqual(d, eq, v)) {
      return base;
    }
    return base + ".g" + g;
  }

  private static boolean heldEqual(Draft d, Set<GroupEqual> eq, Variables v) {
    boolean lhsLatent = v.latent.contains(d.lhs);
    boolean lhsObservedNox = v.observed.contains(d.lhs) && !v.exogenous.contains(d.lhs);
    return switch (d.op) {
      case "=~" -> eq.contains(GroupEqual.LOADINGS);
      case "~" -> eq.contains(GroupEqual.REGRESSIONS);
      case "~1" -> lhsLatent ? eq.contains(GroupEqual.MEANS)
          : lhsObservedNox && eq.contains(GroupEqual.INTERCEPTS);
      case "~~" -> {
        boolean variance = d.lhs.equals(d.rhs);
        if (lhsLatent) {
          yield variance ? eq.contains(GroupEqual.LV_VARIANCES) : eq.contains(GroupEqual.LV_COVARIANCES);
        }
        yield lhsObservedNox && (variance ? eq.contains(GroupEqual.RESIDUALS)
            : eq.contains(GroupEqual.RESIDUAL_COVARIANCES));
      }
      default -> false;
    };
  }

  private static ParameterTable assignFreeIndices(List<ParameterRow> rows, List<String> labels,
      Variables v, int groups, boolean means) {
    Map<String, List<Integer>> byLabel = new LinkedHashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      byLabel.computeIfAbsent(labels.get(i), k -> new ArrayList<>()).add(i);
    }
    Map<String, Integer> freeIndex = new HashMap<>();
    ParameterRow[] out = rows.toArray(new ParameterRow[0]);
    int next = 0;
    for (int i = 0; i < out.length; i++) {
      ParameterRow r = out[i];
      List<Integer> tied = byLabel.get(labels.get(i));
      Integer fixedRow = tied.stream().filter(k -> !rows.get(k).isFree()).findFirst().orElse(null);
      if (fixedRow != null) {
        ParameterRow f = rows.get(fixedRow);
        out[i] = new ParameterRow(r.lhs(), r.op(), r.rhs(), r.group(), r.label(), r.user(), -1,
            f.value(), r.start(), r.exogenous());
        continue;
      }
      Integer idx = freeIndex.get(labels.get(i));
      if (idx == null) {
        idx = next++;
        freeIndex.put(labels.get(i), idx);
      }
      out[i] = new ParameterRow(r.lhs(), r.op(), r.rhs(), r.group(), r.label(), r.user(), idx,
          Double.NaN, r.start(), r.exogenous());
    }
    return new ParameterTable(List.of(out), v.observed, v.latent, groups, next, means);
  }

  /** The variable classes of lavaan's lav_partable_vnames, for one model. */
  private static final class Variables {
    final List<String> latent = new ArrayList<>();
    final List<String> observed = new ArrayList<>();
    final List<String> latentExogenous = new ArrayList<>();
    final List<String> latentOutcomes = new ArrayList<>();
    final List<String> observedOutcomes = new ArrayList<>();
    final Set<String> exogenous = new LinkedHashSet<>();

    static Variables of(java.util.Collection<Draft> user) {
      Variables v = new Variables();
      Set<String> lv = new LinkedHashSet<>();
      Set<String> ind = new LinkedHashSet<>();
      Set<String> eqsY = new LinkedHashSet<>();
      Set<String> eqsX = new LinkedHashSet<>();
      for (Draft d : user) {
        switch (d.op) {
          case "=~" -> {
            lv.add(d.lhs);
            ind.add(d.rhs);
          }
          case "~" -> {
            eqsY.add(d.lhs);
            eqsX.add(d.rhs);
          }
          default -> { }
        }
      }
      v.latent.addAll(lv);
      Set<String> ovInd = new LinkedHashSet<>(ind);
      ovInd.removeAll(lv);
      Set<String> ovY = new LinkedHashSet<>(eqsY);
      ovY.removeAll(lv);
      ovY.removeAll(ovInd);
      Set<String> ovX = new LinkedHashSet<>(eqsX);
      ovX.removeAll(lv);
      ovX.removeAll(ovInd);
      ovX.removeAll(ovY);
      Set<String> ordered = new LinkedHashSet<>(ovInd);
      ordered.addAll(ovY);
      ordered.addAll(ovX);
      Set<String> touchedByUser = new LinkedHashSet<>();
      for (Draft d : user) {
        if (d.op.equals("~~")) {
          for (String s : List.of(d.lhs, d.rhs)) {
            if (!lv.contains(s)) {
              ordered.add(s);
            }
            touchedByUser.add(s);
          }
        } else if (d.op.equals("~1")) {
          if (!lv.contains(d.lhs)) {
            ordered.add(d.lhs);
          }
          touchedByUser.add(d.lhs);
        }
      }
      v.observed.addAll(ordered);
      for (String x : ovX) {
        if (!touchedByUser.contains(x)) {
          v.exogenous.add(x);
        }
      }
      for (String l : lv) {
        if (!ind.contains(l) && !eqsY.contains(l)) {
          v.latentExogenous.add(l);
        }
        if (eqsY.contains(l) && !ind.contains(l) && !eqsX.contains(l)) {
          v.latentOutcomes.add(l);
        }
      }
      for (String o : v.observed) {
        if (eqsY.contains(o) && !ind.contains(o) && !eqsX.contains(o) && !lv.contains(o)) {
          v.observedOutcomes.add(o);
        }
      }
      return v;
    }
  }
}

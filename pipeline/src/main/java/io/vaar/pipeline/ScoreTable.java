package io.vaar.pipeline;

import io.vaar.transforms.analysis.ReferenceGroup;
import io.vaar.transforms.analysis.VaarBootstrap;
import io.vaar.transforms.analysis.VaarScore;
import java.util.List;
import java.util.Locale;

/**
 * The text {@code ./vaar score} prints without {@code --json}: per group a line with n, VAAR,
 * its bootstrap interval and the soft VAAR, then one line per expected path with the estimate,
 * standard error, p-value, std.all, whether it counts, and its interval. Undefined numbers print
 * as {@code -}. With {@code --reference-group} the reference group's paths come first, each with
 * the sign it gives VAAR ({@code none} where it is not significant).
 */
final class ScoreTable {

  private ScoreTable() {
  }

  static String format(double alpha, String estimator, List<VaarScore.GroupVaar> groups,
      VaarBootstrap.Result bootstrap) {
    return format(alpha, estimator, null, groups, bootstrap);
  }

  /** The table, opened by the reference group's paths when the signs came from one. */
  static String format(double alpha, String estimator, ReferenceGroup reference,
      List<VaarScore.GroupVaar> groups, VaarBootstrap.Result bootstrap) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "VAAR (alpha %s, %s, %s)%n%n", alpha, estimator,
        bootstrap == null ? "no bootstrap" : "bootstrap B = " + bootstrap.replicates()
            + ", seed " + bootstrap.seed()));
    if (reference != null) {
      out.append(String.format(Locale.ROOT, "reference %s  n = %d  (expected signs: its paths "
          + "significant at alpha; the others are left out of VAAR)%n", reference.group(),
          reference.n()));
      out.append(String.format(Locale.ROOT, "  %-20s %3s %9s %8s %9s %8s%n", "path", "exp",
          "est", "se", "pvalue", "std.all"));
      for (ReferenceGroup.ReferencePath path : reference.paths()) {
        out.append(String.format(Locale.ROOT, "  %-20s %3s %9s %8s %9s %8s%n",
            path.lhs() + " ~ " + path.rhs(), path.inVaar() ? path.sign().symbol() : "none",
            number(path.est()), number(path.se()), pvalue(path.pvalue()),
            number(path.stdAll())));
      }
      out.append(System.lineSeparator());
    }
    for (VaarScore.GroupVaar group : groups) {
      VaarBootstrap.GroupInterval interval = bootstrap == null ? null
          : bootstrap.group(group.group());
      out.append(String.format(Locale.ROOT, "%s  n = %d  VAAR = %s  95%% CI %s  soft VAAR = %s%n",
          group.group(), group.n(), number(group.vaar()),
          interval == null ? "-" : range(interval.vaarLower(), interval.vaarUpper()),
          interval == null ? "-" : number(interval.softVaar())));
      out.append(String.format(Locale.ROOT, "  %-20s %3s %9s %8s %9s %8s %6s  %s%n", "path",
          "exp", "est", "se", "pvalue", "std.all", "agree", "95% CI"));
      for (int p = 0; p < group.paths().size(); p++) {
        VaarScore.PathVerdict path = group.paths().get(p);
        VaarBootstrap.PathInterval ci = interval == null ? null : interval.paths().get(p);
        out.append(String.format(Locale.ROOT, "  %-20s %3s %9s %8s %9s %8s %6s  %s%n",
            path.lhs() + " ~ " + path.rhs(), path.expected().symbol(), number(path.est()),
            number(path.se()), pvalue(path.pvalue()), number(path.stdAll()),
            path.agree() ? "yes" : "no", ci == null ? "-" : range(ci.lower(), ci.upper())));
      }
      out.append(System.lineSeparator());
    }
    return out.toString();
  }

  private static String number(double value) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, "%.3f", value) : "-";
  }

  private static String pvalue(double value) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, "%.3g", value) : "-";
  }

  private static String range(double lower, double upper) {
    return Double.isFinite(lower) && Double.isFinite(upper) ? "[" + number(lower) + ", "
        + number(upper) + "]" : "-";
  }
}

package io.vaar.sem;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Renders a {@link SemFit} as the text SEM users know from lavaan's
 * {@code summary(fit, fit.measures = TRUE, standardized = TRUE, rsquare = TRUE)}: a header with
 * the estimator, convergence, observations per group and missing-data method; the user and
 * baseline model tests, CFI/TLI, log-likelihood and information criteria, RMSEA with its 90%
 * interval and close-fit p-value, and SRMR (with a second "Robust" column when the fit carries
 * scaled statistics, as with MLR); then, per group, the Latent Variables, Regressions,
 * Covariances, Intercepts and Variances tables and the R-Square table. Numbers have three
 * decimals and the columns line up as lavaan lines them up, so the output can be compared with
 * lavaan's by eye; residual (co)variances and intercepts of endogenous variables are marked with
 * a leading dot and labelled parameters show their label in parentheses, as in lavaan.
 */
public final class LavaanStyleSummary {

  /** Width of the name column of the parameter tables before names force it wider. */
  private static final int NAME_WIDTH = 18;
  /** Width of each number column of the parameter tables. */
  private static final int NUMBER_WIDTH = 9;
  /** Width of the label column of the fit-measure blocks, after the two-space indent. */
  private static final int LABEL_WIDTH = 40;
  /** Width of each value column of the fit-measure blocks. */
  private static final int VALUE_WIDTH = 12;

  private static final String[][] SECTIONS = {
      {"=~", "Latent Variables:"},
      {"~", "Regressions:"},
      {"~~", "Covariances:"},
      {"~1", "Intercepts:"},
      {"var", "Variances:"},
  };

  private final SemFit fit;
  private final boolean standardized;
  private final boolean robust;
  private final StringBuilder out = new StringBuilder();

  private LavaanStyleSummary(SemFit fit, boolean standardized) {
    this.fit = fit;
    this.standardized = standardized;
    this.robust = Double.isFinite(fit.measure("chisq.scaled"));
  }

  /** The full summary with the Std.lv and Std.all columns, as {@code standardized = TRUE}. */
  public static String format(SemFit fit) {
    return format(fit, true);
  }

  /**
   * The full summary; {@code standardized} adds the Std.lv and Std.all columns to the
   * parameter tables.
   */
  public static String format(SemFit fit, boolean standardized) {
    LavaanStyleSummary summary = new LavaanStyleSummary(fit, standardized);
    summary.header();
    summary.fitMeasures();
    summary.parameterTables();
    // Blank columns of fixed parameters would leave trailing spaces; lavaan's are noise in diffs.
    return summary.out.toString().replaceAll("(?m)[ ]+$", "");
  }

  private void header() {
    if (fit.converged()) {
      out.append("vaar SEM ended normally after ").append(fit.iterations()).append(" iterations\n");
    } else {
      out.append("** WARNING ** vaar SEM did NOT end normally after ").append(fit.iterations())
          .append(" iterations\n");
    }
    out.append('\n');
    measureLine("Estimator", fit.estimator());
    countLine("Number of model parameters", "npar");
    out.append('\n');
    if (fit.groups().size() <= 1) {
      measureLine("Number of observations", sizeOf(0));
    } else {
      out.append("  Number of observations per group:\n");
      for (int g = 0; g < fit.groups().size(); g++) {
        measureLine("  " + fit.groups().get(g), sizeOf(g));
      }
    }
    measureLine("Missing data", fit.missing() == null ? "" : fit.missing().toLowerCase(Locale.ROOT));
    if (!fit.warnings().isEmpty()) {
      out.append('\n').append("Warnings:\n");
      for (String warning : fit.warnings()) {
        out.append("  ").append(warning).append('\n');
      }
    }
  }

  private String sizeOf(int group) {
    return group < fit.groupSizes().size() ? Long.toString(fit.groupSizes().get(group)) : "NA";
  }

  private void fitMeasures() {
    section("Model Test User Model:");
    if (robust) {
      columnHeader();
      pairLine("Test Statistic", "chisq", "chisq.scaled");
      pairCountLine("Degrees of freedom", "df", "df.scaled");
      pairLine("P-value (Chi-square)", "pvalue", "pvalue.scaled");
      pairLine("Scaling correction factor", null, "chisq.scaling.factor");
      out.append("    Yuan-Bentler correction (Mplus variant)\n");
    } else {
      numberLine("Test statistic", "chisq");
      countLine("Degrees of freedom", "df");
      numberLine("P-value (Chi-square)", "pvalue");
    }

    if (present("baseline.chisq")) {
      section("Model Test Baseline Model:");
      if (robust) {
        pairLine("Test statistic", "baseline.chisq", "baseline.chisq.scaled");
        pairCountLine("Degrees of freedom", "baseline.df", "baseline.df.scaled");
        pairLine("P-value", "baseline.pvalue", "baseline.pvalue.scaled");
        pairLine("Scaling correction factor", null, "baseline.chisq.scaling.factor");
      } else {
        numberLine("Test statistic", "baseline.chisq");
        countLine("Degrees of freedom", "baseline.df");
        numberLine("P-value", "baseline.pvalue");
      }
    }

    if (present("cfi") || present("tli")) {
      section("User Model versus Baseline Model:");
      pairLine("Comparative Fit Index (CFI)", "cfi", "cfi.scaled");
      pairLine("Tucker-Lewis Index (TLI)", "tli", "tli.scaled");
      if (present("cfi.robust") || present("tli.robust")) {
        out.append('\n');
        pairLine("Robust Comparative Fit Index (CFI)", null, "cfi.robust");
        pairLine("Robust Tucker-Lewis Index (TLI)", null, "tli.robust");
      }
    }

    if (present("logl")) {
      section("Loglikelihood and Information Criteria:");
      numberLine("Loglikelihood user model (H0)", "logl");
      if (present("unrestricted.logl")) {
        numberLine("Loglikelihood unrestricted model (H1)", "unrestricted.logl");
      }
      out.append('\n');
      numberLine("Akaike (AIC)", "aic");
      numberLine("Bayesian (BIC)", "bic");
      if (present("bic2")) {
        numberLine("Sample-size adjusted Bayesian (SABIC)", "bic2");
      }
    }

    if (present("rmsea")) {
      section("Root Mean Square Error of Approximation:");
      rmseaLines();
      if (present("rmsea.robust")) {
        out.append('\n');
        pairLine("Robust RMSEA", null, "rmsea.robust");
        pairLine("90 Percent confidence interval - lower", null, "rmsea.ci.lower.robust");
        pairLine("90 Percent confidence interval - upper", null, "rmsea.ci.upper.robust");
        pairLine("P-value H_0: Robust RMSEA <= 0.050", null, "rmsea.pvalue.robust");
      }
    }

    if (present("srmr")) {
      section("Standardized Root Mean Square Residual:");
      pairLine("SRMR", "srmr", "srmr");
    }

    section("Parameter Estimates:");
    measureLine("Standard errors", "MLR".equalsIgnoreCase(fit.estimator()) ? "Sandwich" : "Standard");
  }

  private void rmseaLines() {
    String suffix = ".scaled";
    pairLine("RMSEA", "rmsea", "rmsea" + suffix);
    pairLine("90 Percent confidence interval - lower", "rmsea.ci.lower", "rmsea.ci.lower" + suffix);
    pairLine("90 Percent confidence interval - upper", "rmsea.ci.upper", "rmsea.ci.upper" + suffix);
    pairLine("P-value H_0: RMSEA <= 0.050", "rmsea.pvalue", "rmsea.pvalue" + suffix);
    if (present("rmsea.notclose.pvalue")) {
      pairLine("P-value H_0: RMSEA >= 0.080", "rmsea.notclose.pvalue", "rmsea.notclose.pvalue" + suffix);
    }
  }

  private void parameterTables() {
    Set<String> endogenous = new HashSet<>();
    for (ParameterEstimate p : fit.parameters()) {
      if (p.op().equals("=~")) {
        endogenous.add(p.rhs());
      } else if (p.op().equals("~")) {
        endogenous.add(p.lhs());
      }
    }
    int groups = Math.max(1, fit.groups().size());
    for (int g = 1; g <= groups; g++) {
      if (groups > 1) {
        out.append("\n\nGroup ").append(g).append(" [").append(fit.groups().get(g - 1)).append("]:\n");
      }
      for (String[] section : SECTIONS) {
        List<ParameterEstimate> rows = rowsOf(g, section[0]);
        if (!rows.isEmpty()) {
          parameterSection(section[1], rows, section[0], endogenous);
        }
      }
      rSquare(g);
    }
  }

  private List<ParameterEstimate> rowsOf(int group, String section) {
    List<ParameterEstimate> rows = new ArrayList<>();
    for (ParameterEstimate p : fit.parameters()) {
      if (p.group() != group) {
        continue;
      }
      boolean variance = p.op().equals("~~") && p.lhs().equals(p.rhs());
      boolean matches = switch (section) {
        case "var" -> variance;
        case "~~" -> p.op().equals("~~") && !variance;
        default -> p.op().equals(section);
      };
      if (matches) {
        rows.add(p);
      }
    }
    return rows;
  }

  private void parameterSection(String title, List<ParameterEstimate> rows, String section,
      Set<String> endogenous) {
    boolean grouped = section.equals("=~") || section.equals("~") || section.equals("~~");
    // Names first, so that the column is as wide as its longest name with label.
    Map<ParameterEstimate, String> names = new LinkedHashMap<>();
    int width = NAME_WIDTH;
    for (ParameterEstimate p : rows) {
      String name;
      if (grouped) {
        String dot = section.equals("~~") && endogenous.contains(p.rhs()) ? "." : "";
        name = (dot.isEmpty() ? "    " : "   .") + p.rhs();
      } else {
        name = (endogenous.contains(p.lhs()) ? "   ." : "    ") + p.lhs();
      }
      if (p.label() != null && !p.label().isEmpty()) {
        String label = "(" + p.label() + ")";
        int padded = Math.max(name.length() + 1, NAME_WIDTH - label.length());
        name = pad(name, padded) + label;
      }
      names.put(p, name);
      width = Math.max(width, name.length());
    }

    out.append('\n').append(title).append('\n');
    out.append(" ".repeat(width));
    for (String column : columns()) {
      out.append(leftPad(column, NUMBER_WIDTH));
    }
    out.append('\n');

    String currentLhs = null;
    for (ParameterEstimate p : rows) {
      if (grouped && !p.lhs().equals(currentLhs)) {
        currentLhs = p.lhs();
        String dot = section.equals("~~") && endogenous.contains(p.lhs()) ? "." : "";
        out.append(dot.isEmpty() ? "  " : " .").append(p.lhs()).append(' ').append(p.op()).append('\n');
      }
      out.append(pad(names.get(p), width));
      out.append(number(p.est(), true));
      // A fixed parameter has no sampling error: lavaan leaves its se, z and p blank.
      out.append(p.free() ? number(p.se(), true) : blank());
      out.append(p.free() ? number(p.z(), true) : blank());
      out.append(p.free() ? number(p.pvalue(), true) : blank());
      if (standardized) {
        out.append(number(p.stdLv(), false));
        out.append(number(p.stdAll(), false));
      }
      out.append('\n');
    }
  }

  private List<String> columns() {
    List<String> columns = new ArrayList<>(List.of("Estimate", "Std.Err", "z-value", "P(>|z|)"));
    if (standardized) {
      columns.add("Std.lv");
      columns.add("Std.all");
    }
    return columns;
  }

  private void rSquare(int group) {
    if (group > fit.r2().size()) {
      return;
    }
    Map<String, Double> r2 = fit.r2().get(group - 1);
    if (r2 == null || r2.isEmpty()) {
      return;
    }
    int width = NAME_WIDTH;
    for (String name : r2.keySet()) {
      width = Math.max(width, 4 + name.length() + 1);
    }
    out.append('\n').append("R-Square:\n");
    out.append(" ".repeat(width)).append(leftPad("Estimate", NUMBER_WIDTH)).append('\n');
    for (Map.Entry<String, Double> e : r2.entrySet()) {
      double value = e.getValue() == null ? Double.NaN : e.getValue();
      out.append(pad("    " + e.getKey(), width)).append(number(value, true)).append('\n');
    }
  }

  /**
   * A number column: three decimals; an undefined value is blank where lavaan leaves it blank
   * (fixed parameters, undefined standardized values) and {@code NA} where a value was expected.
   */
  private static String number(double value, boolean expected) {
    if (Double.isFinite(value)) {
      return leftPad(String.format(Locale.ROOT, "%.3f", value), NUMBER_WIDTH);
    }
    return leftPad(expected ? "NA" : "", NUMBER_WIDTH);
  }

  private static String blank() {
    return " ".repeat(NUMBER_WIDTH);
  }

  private void section(String title) {
    out.append('\n').append(title).append('\n').append('\n');
  }

  private void columnHeader() {
    out.append(" ".repeat(2 + LABEL_WIDTH)).append(leftPad("Standard", VALUE_WIDTH))
        .append(leftPad("Robust", VALUE_WIDTH)).append('\n');
  }

  private boolean present(String key) {
    return Double.isFinite(fit.measure(key));
  }

  private void measureLine(String label, String value) {
    out.append("  ").append(pad(label, LABEL_WIDTH)).append(leftPad(value, VALUE_WIDTH)).append('\n');
  }

  private void countLine(String label, String key) {
    measureLine(label, count(fit.measure(key)));
  }

  private void numberLine(String label, String key) {
    measureLine(label, decimal(fit.measure(key)));
  }

  /**
   * One measure line; with robust statistics a second column holds the scaled value. A null
   * key leaves its column blank, as lavaan does for the scaling factor's standard column.
   */
  private void pairLine(String label, String key, String scaledKey) {
    String first = key == null ? "" : decimal(fit.measure(key));
    if (!robust) {
      if (key != null) {
        measureLine(label, first);
      }
      return;
    }
    String second = scaledKey == null ? "" : decimal(fit.measure(scaledKey));
    if (key == null && !present(scaledKey)) {
      return;
    }
    measureLine(label, first);
    trimNewline();
    out.append(leftPad(second, VALUE_WIDTH)).append('\n');
  }

  private void pairCountLine(String label, String key, String scaledKey) {
    double scaled = present(scaledKey) ? fit.measure(scaledKey) : fit.measure(key);
    measureLine(label, count(fit.measure(key)));
    trimNewline();
    out.append(leftPad(count(scaled), VALUE_WIDTH)).append('\n');
  }

  private void trimNewline() {
    out.setLength(out.length() - 1);
  }

  private static String decimal(double value) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, "%.3f", value) : "NA";
  }

  /** Counts (parameters, degrees of freedom) print as integers, other values with decimals. */
  private static String count(double value) {
    if (!Double.isFinite(value)) {
      return "NA";
    }
    return value == Math.rint(value) ? Long.toString((long) value) : decimal(value);
  }

  private static String pad(String text, int width) {
    return text.length() >= width ? text : text + " ".repeat(width - text.length());
  }

  private static String leftPad(String text, int width) {
    return text.length() >= width ? text : " ".repeat(width - text.length()) + text;
  }
}

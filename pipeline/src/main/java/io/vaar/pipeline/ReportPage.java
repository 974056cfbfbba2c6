package io.vaar.pipeline;

import com.google.common.escape.Escaper;
import com.google.common.html.HtmlEscapers;
import io.vaar.pipeline.report.ForestPlot;
import io.vaar.pipeline.report.PathDiagram;
import io.vaar.pipeline.report.ProfileChart;
import io.vaar.sem.InvarianceSequence;
import io.vaar.sem.SemFit;
import io.vaar.transforms.analysis.ExpectedPath;
import io.vaar.transforms.analysis.HumanReference;
import io.vaar.transforms.analysis.ModelProfile;
import io.vaar.transforms.analysis.ReferenceGroup;
import io.vaar.transforms.analysis.ScaleProfile;
import io.vaar.transforms.analysis.VaarBootstrap;
import io.vaar.transforms.analysis.StudyResult;
import io.vaar.transforms.analysis.VaarScore;
import io.vaar.transforms.audit.AnswerSample;
import io.vaar.transforms.audit.RawAnswer;
import io.vaar.transforms.audit.StudyRenderer;
import io.vaar.transforms.audit.StudyReport;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The run's {@code report.html}: one self-contained page that opens offline in any browser, with
 * the VAAR summary (simulated models labelled as such), where the expected signs came from (the
 * literature's defaults with their evidence, or the human reference group's paths), a forest
 * plot (with the human paths as a series of their own) and a table of every path against its
 * expected sign, a path diagram, the invariance table, the models' profiles as chart
 * and table, and a sample of raw answers per model. Charts are inline SVG, so the page needs no
 * other file. Every piece of text that comes from a model, a config or a file is HTML-escaped: a
 * model's answer is data, never markup.
 */
final class ReportPage implements StudyRenderer {

  private static final long serialVersionUID = 1L;
  static final String FILE = "report.html";
  private static final Escaper HTML = HtmlEscapers.htmlEscaper();

  @Override
  public Map<String, String> render(StudyReport report) {
    return Map.of(FILE, page(report));
  }

  static String page(StudyReport report) {
    StudyResult result = report.result();
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>vaar report: ").append(esc(report.runId())).append("</title>")
        .append("<style>body{font-family:system-ui,sans-serif;max-width:70em;margin:2em auto;")
        .append("padding:0 1em;color:#222}table{border-collapse:collapse;margin:1em 0}")
        .append("td,th{border:1px solid #ccc;padding:.3em .6em;text-align:right}")
        .append("td:first-child,th:first-child{text-align:left}.sim{color:#a15c00}")
        .append(".agree{color:#176e2c}.disagree{color:#a31919}")
        .append("svg{display:block;width:100%;max-width:760px;height:auto;margin:1em 0}")
        .append("summary{margin:.5em 0;cursor:pointer}td.text,th.text{text-align:left}")
        .append(".answers td,.answers th{text-align:left;vertical-align:top}")
        .append(".answers td:nth-child(2){max-width:24em}.answers pre{margin:0;")
        .append("white-space:pre-wrap;font-size:.9em}</style></head><body>\n");
    html.append("<h1>Value–action alignment audit <code>").append(esc(report.runId()))
        .append("</code></h1>\n");
    if (report.simulated().containsValue(true)) {
      html.append("<p class=\"sim\"><strong>Simulated respondents:</strong> models marked ")
          .append("“simulated” are vaar’s built-in latent-trait respondents with a known ground ")
          .append("truth, not language models.</p>\n");
    }
    html.append("<p>Paths compared at the <strong>").append(result.settings().comparisonLevel()
        .word()).append("</strong> invariance level; estimator ")
        .append(result.settings().estimator()).append(", missing answers by ")
        .append(result.settings().missing().name().toLowerCase(Locale.ROOT))
        .append("; α = ").append(result.settings().alpha()).append(".</p>\n");
    summary(html, report);
    expectedSigns(html, result);
    html.append("<h2>Paths</h2>\n").append(ForestPlot.svg(result.vaar(), result.reference()))
        .append('\n');
    paths(html, result);
    html.append("<h2>Path diagram</h2><p>Standardized estimates (β*) per model; green where ")
        .append("the path agrees with the expected sign at α, red where not.</p>\n")
        .append(PathDiagram.svg(result.vaar())).append('\n');
    invariance(html, result);
    fit(html, result);
    html.append("<h2>Privacy–PSA–AoDS profiles</h2>\n")
        .append(ProfileChart.svg(result.profiles())).append('\n');
    profiles(html, result);
    answers(html, report);
    html.append("<h2>Model</h2><pre>").append(esc(result.modelSyntax())).append("</pre>\n");
    html.append("</body></html>\n");
    return html.toString();
  }

  private static void summary(StringBuilder html, StudyReport report) {
    html.append("<h2>VAAR by model</h2><table><tr><th>model</th><th>VAAR</th>")
        .append("<th>95% bootstrap CI</th><th>soft VAAR</th>")
        .append("<th>paths agreeing</th><th>sessions</th></tr>\n");
    for (VaarScore.GroupVaar group : report.result().vaar()) {
      long agreeing = group.paths().stream().filter(VaarScore.PathVerdict::agree).count();
      VaarBootstrap.GroupInterval interval = report.result().interval(group.group());
      html.append("<tr><td>").append(esc(group.group()))
          .append(report.simulated().getOrDefault(group.group(), false)
              ? " <span class=\"sim\">(simulated)</span>" : "")
          .append("</td><td>").append(format(group.vaar())).append("</td><td>")
          .append(interval == null ? "–" : "[" + format(interval.vaarLower()) + ", "
              + format(interval.vaarUpper()) + "]")
          .append("</td><td>").append(interval == null ? "–" : format(interval.softVaar()))
          .append("</td><td>").append(agreeing)
          .append(" of ").append(group.paths().size()).append("</td><td>").append(group.n())
          .append("</td></tr>\n");
    }
    html.append("</table>\n");
    if (report.result().bootstrap() != null) {
      html.append("<p>Intervals and soft VAAR (the share of paths whose sign agrees, averaged ")
          .append("over replicates) from ").append(report.result().bootstrap().replicates())
          .append(" bootstrap replicates of the sessions within each model: ")
          .append(esc(report.result().bootstrap().method())).append(".</p>\n");
    }
  }

  /**
   * Where the expected signs came from: the literature's defaults with their evidence, or the
   * human reference group's paths, each with the sign it gives VAAR or why it gives none.
   */
  private static void expectedSigns(StringBuilder html, StudyResult result) {
    ReferenceGroup reference = result.reference();
    if (reference == null) {
      html.append("<h2>Expected signs</h2><p>No human data were given, so every path is judged ")
          .append("against the sign the literature reports for people:</p>\n<table><tr>")
          .append("<th>path</th><th>expected</th><th class=\"text\">evidence</th></tr>\n");
      for (ExpectedPath path : result.expected()) {
        html.append("<tr><td>").append(esc(path.lhs() + " ~ " + path.rhs())).append("</td><td>")
            .append(path.sign().symbol()).append("</td><td class=\"text\">")
            .append(esc(HumanReference.evidence(path))).append("</td></tr>\n");
      }
      html.append("</table>\n");
      return;
    }
    html.append("<h2>Human reference</h2><p>The expected signs are those of the human ")
        .append("reference group <code>").append(esc(reference.group())).append("</code> (")
        .append(esc(reference.file())).append(", ").append(reference.respondents())
        .append(" respondents, ").append(reference.n()).append(" used in the fit), fitted as one more group in the same multi-group model: each of its ")
        .append("paths that is significant at α gives its sign. ");
    if (reference.dropped().isEmpty()) {
      html.append("Every human path is significant, so VAAR judges all of them.");
    } else {
      html.append("A human path that is not significant gives no expected sign and is left ")
          .append("out of VAAR (the models' VAAR averages over the other ")
          .append(result.expected().size()).append("): ");
      html.append(String.join(", ", reference.dropped().stream()
          .map(path -> esc(path.lhs() + " ~ " + path.rhs())).toList())).append('.');
    }
    html.append("</p>\n<table><tr><th>path</th><th>estimate</th><th>SE</th><th>p</th>")
        .append("<th>std.all</th><th>expected sign for VAAR</th></tr>\n");
    for (ReferenceGroup.ReferencePath path : reference.paths()) {
      html.append("<tr><td>").append(esc(path.lhs() + " ~ " + path.rhs())).append("</td><td>")
          .append(format(path.est())).append("</td><td>").append(format(path.se()))
          .append("</td><td>").append(formatP(path.pvalue())).append("</td><td>")
          .append(format(path.stdAll())).append("</td><td>")
          .append(path.inVaar() ? path.sign().symbol() : "none (not significant; left out)")
          .append("</td></tr>\n");
    }
    html.append("</table>\n");
  }

  private static void paths(StringBuilder html, StudyResult result) {
    html.append("<table><tr><th>model</th><th>path</th><th>expected</th>")
        .append("<th>estimate</th><th>SE</th><th>p</th><th>std.all</th><th>agrees</th></tr>\n");
    for (VaarScore.GroupVaar group : result.vaar()) {
      for (VaarScore.PathVerdict path : group.paths()) {
        html.append("<tr><td>").append(esc(group.group())).append("</td><td>")
            .append(esc(path.lhs() + " ~ " + path.rhs())).append("</td><td>")
            .append(path.expected().symbol()).append("</td><td>").append(format(path.est()))
            .append("</td><td>").append(format(path.se())).append("</td><td>")
            .append(formatP(path.pvalue())).append("</td><td>").append(format(path.stdAll()))
            .append("</td><td class=\"").append(path.agree() ? "agree\">yes" : "disagree\">no")
            .append("</td></tr>\n");
      }
    }
    html.append("</table>\n");
  }

  private static void invariance(StringBuilder html, StudyResult result) {
    if (result.invariance().isEmpty()) {
      return;
    }
    html.append("<h2>Measurement invariance</h2><table><tr><th>level</th><th>χ²</th>")
        .append("<th>df</th><th>CFI</th><th>RMSEA</th><th>Δχ²</th><th>Δdf</th><th>p</th>")
        .append("<th>ΔCFI</th><th>ΔRMSEA</th></tr>\n");
    String suffix = result.settings().estimator().name().equals("MLR") ? ".scaled" : "";
    for (InvarianceSequence.Step step : result.invariance()) {
      html.append("<tr><td>").append(step.level().word()).append("</td><td>")
          .append(format(step.fit().measure("chisq" + suffix))).append("</td><td>")
          .append(formatCount(step.fit().measure("df"))).append("</td><td>")
          .append(format(step.fit().measure("cfi" + suffix))).append("</td><td>")
          .append(format(step.fit().measure("rmsea" + suffix))).append("</td><td>")
          .append(format(step.chisqDiff())).append("</td><td>").append(formatCount(step.dfDiff()))
          .append("</td><td>").append(formatP(step.pvalue())).append("</td><td>")
          .append(format(step.cfiDiff())).append("</td><td>").append(format(step.rmseaDiff()))
          .append("</td></tr>\n");
    }
    html.append("</table><p>Scalar invariance ").append(result.scalarHolds() ? "holds" : "does not hold")
        .append(" (ΔCFI ≥ −0.01 from metric to scalar).</p>\n");
  }

  /** The fit of the model the paths were read from, with lavaan's robust versions under MLR. */
  private static void fit(StringBuilder html, StudyResult result) {
    SemFit fit = result.comparisonFit();
    boolean robust = result.settings().estimator().name().equals("MLR");
    html.append("<h2>Model fit</h2><p>The ").append(result.settings().comparisonLevel().word())
        .append(" model, from which the paths are read.</p><table><tr><th>measure</th>")
        .append("<th>").append(robust ? "standard" : "value").append("</th>")
        .append(robust ? "<th>scaled (Yuan–Bentler)</th>" : "").append("</tr>\n");
    fitRow(html, "χ²", format(fit.measure("chisq")), robust, format(fit.measure("chisq.scaled")));
    fitRow(html, "df", formatCount(fit.measure("df")), robust, formatCount(fit.measure("df")));
    fitRow(html, "p", formatP(fit.measure("pvalue")), robust,
        formatP(fit.measure("pvalue.scaled")));
    fitRow(html, "CFI", format(fit.measure("cfi")), robust, format(fit.measure("cfi.scaled")));
    fitRow(html, "TLI", format(fit.measure("tli")), robust, format(fit.measure("tli.scaled")));
    fitRow(html, "RMSEA [90% CI]", format(fit.measure("rmsea")) + " [" + format(
        fit.measure("rmsea.ci.lower")) + ", " + format(fit.measure("rmsea.ci.upper")) + "]",
        robust, format(fit.measure("rmsea.scaled")));
    fitRow(html, "SRMR", format(fit.measure("srmr")), false, "");
    fitRow(html, "AIC", format(fit.measure("aic")), false, "");
    fitRow(html, "BIC", format(fit.measure("bic")), false, "");
    fitRow(html, "parameters", formatCount(fit.measure("npar")), false, "");
    html.append("</table>\n");
    for (String warning : fit.warnings()) {
      html.append("<p class=\"disagree\">Warning: ").append(esc(warning)).append("</p>\n");
    }
  }

  private static void fitRow(StringBuilder html, String measure, String value, boolean robust,
      String scaled) {
    html.append("<tr><td>").append(measure).append("</td><td>").append(value).append("</td>");
    if (robust) {
      html.append("<td>").append(scaled).append("</td>");
    }
    html.append("</tr>\n");
  }

  private static void profiles(StringBuilder html, StudyResult result) {
    html.append("<table><tr><th>model</th><th>scale</th>")
        .append("<th>mean</th><th>SD</th><th>α</th><th>ω</th><th>latent mean</th></tr>\n");
    for (ModelProfile profile : result.profiles()) {
      for (ScaleProfile scale : profile.scales()) {
        html.append("<tr><td>").append(esc(profile.model())).append("</td><td>")
            .append(esc(scale.factor())).append("</td><td>").append(format(scale.mean()))
            .append("</td><td>").append(format(scale.sd())).append("</td><td>")
            .append(format(scale.cronbachAlpha())).append("</td><td>")
            .append(format(scale.omega())).append("</td><td>").append(format(scale.latentMean()))
            .append("</td></tr>\n");
      }
    }
    html.append("</table>\n");
  }

  /** The sampled sessions' raw answers per model: model text, so every cell is escaped. */
  private static void answers(StringBuilder html, StudyReport report) {
    if (report.answers().values().stream().allMatch(List::isEmpty)) {
      return;
    }
    html.append("<h2>Sample of raw answers</h2><p>The sessions with the smallest ids of each ")
        .append("model, every reply verbatim (re-asked items show each attempt).</p>\n");
    for (Map.Entry<String, List<AnswerSample>> model : new TreeMap<>(report.answers())
        .entrySet()) {
      boolean first = true;
      for (AnswerSample session : model.getValue()) {
        // Collapsed but the first: 32 items × 3 sessions per model would bury the page's end.
        html.append(first ? "<details open>" : "<details>").append("<summary><strong>")
            .append(esc(model.getKey())).append("</strong> — session <code>")
            .append(esc(session.sessionId())).append("</code>, ").append(session.answers().size())
            .append(" items</summary>\n<table class=\"answers\">")
            .append("<tr><th>item</th><th>prompt</th><th>replies</th><th>value</th>")
            .append("<th>status</th></tr>\n");
        for (RawAnswer answer : session.answers()) {
          html.append("<tr><td>").append(esc(answer.itemId())).append("</td><td>")
              .append(esc(answer.prompt())).append("</td><td>");
          for (String reply : answer.replies()) {
            html.append("<pre>").append(esc(reply)).append("</pre>");
          }
          html.append("</td><td>").append(answer.value() == null ? "–" : answer.value())
              .append("</td><td>").append(esc(answer.status())).append("</td></tr>\n");
        }
        html.append("</table></details>\n");
        first = false;
      }
    }
  }

  static String esc(String text) {
    return HTML.escape(text);
  }

  private static String format(double value) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, "%.3f", value) : "–";
  }

  private static String formatCount(double value) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, "%.0f", value) : "–";
  }

  private static String formatP(double value) {
    if (!Double.isFinite(value)) {
      return "–";
    }
    return value < 0.001 ? "&lt; .001" : String.format(Locale.ROOT, "%.3f", value);
  }
}

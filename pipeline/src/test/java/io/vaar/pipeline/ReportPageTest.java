package io.vaar.pipeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.vaar.pipeline.report.HandBuiltStudy;
import io.vaar.transforms.audit.AnswerSample;
import io.vaar.transforms.audit.RawAnswer;
import io.vaar.transforms.audit.StudyReport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * report.html from a hand-built study: the charts are inline, and model text planted with markup
 * in an answer, a prompt, a model name and the run id comes out as escaped text, never as markup.
 */
class ReportPageTest {

  static final String SCRIPT = "<script>alert(1)</script>";
  static final String IMAGE = "\"><img src=x onerror=alert(2)>";

  static StudyReport hostileReport() {
    RawAnswer answer = new RawAnswer("ctrl1", "How much do you " + IMAGE, List.of(SCRIPT + " 9",
        "I'd say 5 " + IMAGE), 5, "ok");
    RawAnswer refused = new RawAnswer("psa2", "Q", List.of("No."), null, "refused");
    return new StudyReport("run " + SCRIPT, HandBuiltStudy.result(),
        Map.of(HandBuiltStudy.ALIGNED, true, HandBuiltStudy.INVERTED, false),
        Map.of(HandBuiltStudy.ALIGNED, List.of(new AnswerSample("s-0001", List.of(answer,
            refused))), HandBuiltStudy.INVERTED, List.of()));
  }

  @Test
  void plantedMarkupInModelTextIsEscaped() {
    String page = ReportPage.page(hostileReport());
    assertThat(page, not(containsString("<script")));
    assertThat(page, not(containsString("<img")));
    assertThat(page, containsString("&lt;script&gt;alert(1)&lt;/script&gt; 9"));
    assertThat(page, containsString("I&#39;d say 5 &quot;&gt;&lt;img src=x onerror=alert(2)&gt;"));
    assertThat(page, containsString("How much do you &quot;&gt;&lt;img"));
  }

  @Test
  void showsTheChartsInlineAndTheSampledAnswers() {
    String page = ReportPage.page(hostileReport());
    assertThat(count(page, "<svg "), equalTo(3));
    assertThat(page, containsString("id='forest-plot'"));
    assertThat(page, containsString("id='profile-chart'"));
    assertThat(page, containsString("id='path-diagram'"));
    assertThat(page, containsString("Sample of raw answers"));
    assertThat(page, containsString("session <code>s-0001</code>"));
    assertThat(page, containsString("<td>refused</td>"));
    // Offline: nothing is fetched from anywhere (namespace URIs are names, not fetched).
    assertThat(page, not(containsString("<link")));
    assertThat(java.util.regex.Pattern.compile("(src|href)\\s*=\\s*['\"]?\\w+:").matcher(page)
        .find(), equalTo(false));
  }

  @Test
  void aHostileModelNameStaysTextInTablesAndCharts() {
    StudyReport report = new StudyReport("r", HandBuiltStudy.result(SCRIPT, IMAGE), Map.of());
    String page = ReportPage.page(report);
    assertThat(page, not(containsString("<script")));
    assertThat(page, not(containsString("<img")));
    assertThat(page, containsString("&lt;script&gt;"));
  }

  @Test
  void theFitTableShowsTheComparedModelsFitMeasures() {
    io.vaar.transforms.analysis.StudyResult result = HandBuiltStudy.result();
    String page = ReportPage.page(new StudyReport("r", result, Map.of()));
    String fit = page.substring(page.indexOf("<h2>Model fit</h2>"));
    fit = fit.substring(0, fit.indexOf("</table>"));
    io.vaar.sem.SemFit compared = result.comparisonFit();
    assertThat(fit, containsString("<td>CFI</td><td>" + String.format(java.util.Locale.ROOT,
        "%.3f", compared.measure("cfi")) + "</td>"));
    assertThat(fit, containsString("<td>SRMR</td><td>" + String.format(java.util.Locale.ROOT,
        "%.3f", compared.measure("srmr")) + "</td>"));
    assertThat(fit, containsString("<td>df</td><td>" + String.format(java.util.Locale.ROOT,
        "%.0f", compared.measure("df")) + "</td>"));
    assertThat(fit, containsString("<th>scaled (Yuan–Bentler)</th>"));
    assertThat(fit, containsString("<td>RMSEA [90% CI]</td><td>0.026 [0.018, 0.033]</td>"
        + "<td>0.027</td>"));
  }

  @Test
  void withoutHumanDataTheLiteraturesSignsAreCitedWithTheirEvidence() {
    String page = ReportPage.page(new StudyReport("r", HandBuiltStudy.result(), Map.of()));
    assertThat(page, containsString("<h2>Expected signs</h2>"));
    assertThat(page, containsString("Baruh, Secinti &amp; Cemalcilar 2017"));
    assertThat(page, containsString("Kokkoris &amp; Kamleitner 2020"));
    assertThat(page, not(containsString("Human reference")));
  }

  @Test
  void aHumanReferenceShowsItsPathsAndWhatVaarLeftOut() {
    String page = ReportPage.page(new StudyReport("r", HandBuiltStudy.withHumanReference(),
        Map.of()));
    assertThat(page, containsString("<h2>Human reference</h2>"));
    assertThat(page, containsString("(humans.csv, 400 respondents, 380 used in the fit)"));
    assertThat(page, containsString("left out of VAAR (the models’ VAAR averages over the other "
        .replace('’', '\'') + "3): AODS ~ AWARE."));
    assertThat(page, containsString("<td>AODS ~ AWARE</td><td>-0.020</td><td>0.060</td>"
        + "<td>0.740</td><td>-0.010</td><td>none (not significant; left out)</td>"));
    assertThat(page, containsString("<td>AODS ~ PSA</td><td>0.550</td>"));
    assertThat(page, not(containsString("Baruh")));
    assertThat(page, containsString("human reference"));
    assertThat(page, containsString("<td>human-reference</td><td>PSA</td>"));
  }

  private static int count(String text, String part) {
    return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
  }
}

package io.vaar.sem;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LavaanStyleSummaryTest {

  private static final double NA = Double.NaN;

  /** Numbers of lavaan's one-group Holzinger-Swineford CFA, trimmed to a few rows. */
  private static SemFit oneGroupMl() {
    Map<String, Double> fit = new LinkedHashMap<>();
    fit.put("npar", 21.0);
    fit.put("chisq", 85.305521);
    fit.put("df", 24.0);
    fit.put("pvalue", 8.50e-09);
    fit.put("baseline.chisq", 918.851589);
    fit.put("baseline.df", 36.0);
    fit.put("baseline.pvalue", 0.0);
    fit.put("cfi", 0.930905);
    fit.put("tli", 0.896358);
    fit.put("logl", -3737.745);
    fit.put("unrestricted.logl", -3695.092);
    fit.put("aic", 7517.490);
    fit.put("bic", 7595.339);
    fit.put("rmsea", 0.092120);
    fit.put("rmsea.ci.lower", 0.071403);
    fit.put("rmsea.ci.upper", 0.113842);
    fit.put("rmsea.pvalue", 0.000661);
    fit.put("srmr", 0.065205);
    fit.put("chisq.scaled", NA);
    List<ParameterEstimate> parameters = List.of(
        new ParameterEstimate("visual", "=~", "x1", 1, "", false, 1.0, 0.0, NA, NA, 0.900, 0.772),
        new ParameterEstimate("visual", "=~", "x2", 1, "a", true, 0.554, 0.100, 5.554, 0.0, 0.498, 0.424),
        new ParameterEstimate("textual", "=~", "x4", 1, "", false, 1.0, 0.0, NA, NA, 0.990, 0.852),
        new ParameterEstimate("visual", "~~", "textual", 1, "", true, 0.408, 0.074, 5.552, 0.0, 0.459, 0.459),
        new ParameterEstimate("x1", "~~", "x1", 1, "", true, 0.549, 0.114, 4.833, 0.000001, 0.549, 0.404),
        new ParameterEstimate("visual", "~~", "visual", 1, "", true, 0.809, 0.145, 5.564, 0.0, 1.0, 1.0),
        new ParameterEstimate("x2", "~~", "x2", 1, "", true, 1.134, NA, NA, NA, 1.134, 0.821));
    Map<String, Double> r2 = new LinkedHashMap<>();
    r2.put("x1", 0.596);
    r2.put("x2", 0.179);
    return new SemFit(true, "ML", "listwise", List.of(""), List.of(301L), fit, parameters,
        List.of(r2), List.of(), 35);
  }

  @Test
  void headerNamesEstimatorConvergenceObservationsAndMissingMethod() {
    String text = LavaanStyleSummary.format(oneGroupMl());
    assertThat(text, containsString("ended normally after 35 iterations\n"));
    assertThat(text, containsString("\n  Estimator                                         ML\n"));
    assertThat(text, containsString("\n  Number of model parameters                        21\n"));
    assertThat(text, containsString("\n  Number of observations                           301\n"));
    assertThat(text, containsString("\n  Missing data                                listwise\n"));
  }

  @Test
  void fitMeasuresAreLinedUpWithThreeDecimalsAsInLavaan() {
    String text = LavaanStyleSummary.format(oneGroupMl());
    assertThat(text, containsString("Model Test User Model:\n\n"
        + "  Test statistic                                85.306\n"
        + "  Degrees of freedom                                24\n"
        + "  P-value (Chi-square)                           0.000\n"));
    assertThat(text, containsString("Model Test Baseline Model:\n\n"
        + "  Test statistic                               918.852\n"
        + "  Degrees of freedom                                36\n"));
    assertThat(text, containsString("  Comparative Fit Index (CFI)                    0.931\n"
        + "  Tucker-Lewis Index (TLI)                       0.896\n"));
    assertThat(text, containsString("  Loglikelihood user model (H0)              -3737.745\n"
        + "  Loglikelihood unrestricted model (H1)      -3695.092\n\n"
        + "  Akaike (AIC)                                7517.490\n"
        + "  Bayesian (BIC)                              7595.339\n"));
    assertThat(text, containsString("  RMSEA                                          0.092\n"
        + "  90 Percent confidence interval - lower         0.071\n"
        + "  90 Percent confidence interval - upper         0.114\n"
        + "  P-value H_0: RMSEA <= 0.050                    0.001\n"));
    assertThat(text, containsString("  SRMR                                           0.065\n"));
    assertThat(text, not(containsString("Robust")));
  }

  @Test
  void parameterTablesFollowLavaansLayoutWithLabelsAndResidualDots() {
    String text = LavaanStyleSummary.format(oneGroupMl());
    assertThat(text, containsString("Latent Variables:\n"
        + "                   Estimate  Std.Err  z-value  P(>|z|)   Std.lv  Std.all\n"
        + "  visual =~\n"
        + "    x1                1.000                               0.900    0.772\n"
        + "    x2         (a)    0.554    0.100    5.554    0.000    0.498    0.424\n"
        + "  textual =~\n"
        + "    x4                1.000                               0.990    0.852\n"));
    assertThat(text, containsString("Covariances:\n"
        + "                   Estimate  Std.Err  z-value  P(>|z|)   Std.lv  Std.all\n"
        + "  visual ~~\n"
        + "    textual           0.408    0.074    5.552    0.000    0.459    0.459\n"));
    assertThat(text, containsString("Variances:\n"
        + "                   Estimate  Std.Err  z-value  P(>|z|)   Std.lv  Std.all\n"
        + "   .x1                0.549    0.114    4.833    0.000    0.549    0.404\n"
        + "    visual            0.809    0.145    5.564    0.000    1.000    1.000\n"
        + "   .x2                1.134       NA       NA       NA    1.134    0.821\n"));
    assertThat(text, containsString("R-Square:\n"
        + "                   Estimate\n"
        + "    x1                0.596\n"
        + "    x2                0.179\n"));
    assertThat(text, not(containsString("Regressions:")));
    assertThat(text, not(containsString("Intercepts:")));
  }

  @Test
  void standardizedColumnsCanBeLeftOut() {
    String text = LavaanStyleSummary.format(oneGroupMl(), false);
    assertThat(text, containsString("                   Estimate  Std.Err  z-value  P(>|z|)\n"));
    assertThat(text, containsString("    x2         (a)    0.554    0.100    5.554    0.000\n"));
    assertThat(text, not(containsString("Std.lv")));
  }

  @Test
  void robustFitHasAStandardAndARobustColumn() {
    SemFit ml = oneGroupMl();
    Map<String, Double> fit = new LinkedHashMap<>(ml.fit());
    fit.put("chisq.scaled", 80.872);
    fit.put("df.scaled", 24.0);
    fit.put("pvalue.scaled", 0.0);
    fit.put("chisq.scaling.factor", 1.055);
    fit.put("cfi.scaled", 0.925);
    fit.put("tli.scaled", 0.888);
    fit.put("cfi.robust", 0.930);
    fit.put("tli.robust", 0.895);
    fit.put("rmsea.scaled", 0.088);
    fit.put("rmsea.robust", 0.091);
    SemFit mlr = new SemFit(true, "MLR", "listwise", ml.groups(), ml.groupSizes(), fit, ml.parameters(),
        ml.r2(), ml.warnings(), ml.iterations());
    String text = LavaanStyleSummary.format(mlr);
    assertThat(text, containsString("Model Test User Model:\n\n"
        + "                                              Standard      Robust\n"
        + "  Test Statistic                                85.306      80.872\n"
        + "  Degrees of freedom                                24          24\n"
        + "  P-value (Chi-square)                           0.000       0.000\n"
        + "  Scaling correction factor                                  1.055\n"));
    assertThat(text, containsString("  Comparative Fit Index (CFI)                    0.931       0.925\n"));
    assertThat(text, containsString("  Robust Comparative Fit Index (CFI)                         0.930\n"));
    assertThat(text, containsString("  RMSEA                                          0.092       0.088\n"));
    assertThat(text, containsString("  Robust RMSEA                                               0.091\n"));
    assertThat(text, containsString("  Standard errors                             Sandwich\n"));
  }

  @Test
  void multiGroupFitShowsObservationsPerGroupAndOneBlockPerGroup() {
    SemFit one = oneGroupMl();
    List<ParameterEstimate> parameters = new java.util.ArrayList<>(one.parameters());
    parameters.add(new ParameterEstimate("x1", "~1", "", 1, "", true, 4.941, 0.095, 52.249, 0.0, 4.941, 4.183));
    parameters.add(new ParameterEstimate("visual", "~1", "", 1, "", false, 0.0, 0.0, NA, NA, 0.0, 0.0));
    parameters.add(new ParameterEstimate("visual", "=~", "x2", 2, ".p2.", true, 0.6, 0.1, 6.0, 0.0, 0.5, 0.45));
    SemFit two = new SemFit(false, "ML", "fiml", List.of("Pasteur", "Grant-White"), List.of(156L, 145L),
        one.fit(), parameters, List.of(one.r2().get(0), Map.of()),
        List.of("some variance estimates are negative"), 500);
    String text = LavaanStyleSummary.format(two);
    assertThat(text, containsString("did NOT end normally after 500 iterations"));
    assertThat(text, containsString("  Number of observations per group:\n"
        + "    Pasteur                                        156\n"
        + "    Grant-White                                    145\n"));
    assertThat(text, containsString("  Missing data                                    fiml\n"));
    assertThat(text, containsString("Warnings:\n  some variance estimates are negative\n"));
    assertThat(text, containsString("Intercepts:\n"
        + "                   Estimate  Std.Err  z-value  P(>|z|)   Std.lv  Std.all\n"
        + "   .x1                4.941    0.095   52.249    0.000    4.941    4.183\n"
        + "    visual            0.000                               0.000    0.000\n"));
    int group1 = text.indexOf("Group 1 [Pasteur]:");
    int group2 = text.indexOf("Group 2 [Grant-White]:");
    assertThat(-1, lessThan(group1));
    assertThat(group1, lessThan(group2));
    assertThat(text.substring(group2), containsString("    x2      (.p2.)    0.600    0.100    6.000    0.000"));
    assertThat(text.substring(group2), not(containsString("R-Square:")));
  }
}

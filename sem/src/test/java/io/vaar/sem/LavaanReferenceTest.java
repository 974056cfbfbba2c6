package io.vaar.sem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vaar.sem.model.GroupEqual;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fit measure, estimate, standard error and standardized value against lavaan 0.6.14
 * outputs (sem/src/test/r/make-references.R), within the tolerances of
 * shared/reference/README.md: 1e-3 relative for estimates and fit measures, 2e-3 for standard
 * errors.
 */
class LavaanReferenceTest {
  private static final String HS = TestData.HS_MODEL;
  /** Models written out in the reference's call ("... with model: ...") are taken from there. */
  private static final String FROM_REFERENCE = "";

  static Stream<Arguments> cases() {
    String hsData = "data/HolzingerSwineford1939.csv";
    return Stream.of(
        Arguments.of("hs-cfa", HS, hsData, null, "", "ML", "listwise"),
        Arguments.of("hs-configural", HS, hsData, "school", "", "ML", "listwise"),
        Arguments.of("hs-metric", HS, hsData, "school", "loadings", "ML", "listwise"),
        Arguments.of("hs-scalar", HS, hsData, "school", "loadings,intercepts", "ML", "listwise"),
        Arguments.of("hs-strict", HS, hsData, "school", "loadings,intercepts,residuals", "ML", "listwise"),
        Arguments.of("hs-labels", FROM_REFERENCE, hsData, null, "", "ML", "listwise"),
        Arguments.of("political-democracy", FROM_REFERENCE, "data/political-democracy.csv", null, "",
            "ML", "listwise"),
        Arguments.of("political-democracy-nolabels", FROM_REFERENCE, "data/political-democracy.csv",
            null, "", "ML", "listwise"),
        Arguments.of("hs-cfa-mlr", HS, hsData, null, "", "MLR", "listwise"),
        Arguments.of("hs-configural-mlr", HS, hsData, "school", "", "MLR", "listwise"),
        Arguments.of("hs-scalar-mlr", HS, hsData, "school", "loadings,intercepts", "MLR", "listwise"),
        Arguments.of("hs-fiml", HS, "data/hs-missing.csv", null, "", "ML", "fiml"),
        Arguments.of("hs-fiml-mlr", HS, "data/hs-missing.csv", null, "", "MLR", "fiml"),
        Arguments.of("hs-covariates", FROM_REFERENCE, hsData, null, "", "ML", "listwise"),
        Arguments.of("hs-path", FROM_REFERENCE, hsData, null, "", "ML", "listwise"),
        Arguments.of("hs-configural-fiml-mlr", HS, "data/hs-missing.csv", "school", "", "MLR", "fiml"),
        Arguments.of("bench-8groups", TestData.resource("data/bench-8groups.lav"),
            "data/bench-8groups.csv", "group", "", "ML", "listwise"),
        Arguments.of("study-fiml-mlr", TestData.resource("data/study-3groups.lav"),
            "data/study-3groups.csv", "group", "", "MLR", "fiml"),
        Arguments.of("hs-scalar-fiml-mlr", HS, "data/hs-missing.csv", "school",
            "loadings,intercepts", "MLR", "fiml"),
        Arguments.of("hs-covariates-mlr", FROM_REFERENCE, hsData, null, "", "MLR", "listwise"),
        Arguments.of("hs-covariates-fiml-mlr", FROM_REFERENCE, "data/hs-missing.csv", null, "",
            "MLR", "fiml"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesLavaan(String name, String model, String data, String group, String equal,
      String estimator, String missing) throws Exception {
    assertMatches(name, model, equal, estimator, missing, syntax -> TestData.csv(data, group));
  }

  /** The same references from merged group statistics over the model's variables, as a pipeline fits. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesLavaanFromMergedStatistics(String name, String model, String data, String group,
      String equal, String estimator, String missing) throws Exception {
    assertMatches(name, model, equal, estimator, missing, syntax -> TestData.mergedStatistics(
        TestData.csv(data, group), SemModel.parse(syntax).observedVariables(), name.hashCode()));
  }

  private static void assertMatches(String name, String model, String equal, String estimator,
      String missing, java.util.function.Function<String, SemData> dataForModel) throws Exception {
    JsonNode ref = new ObjectMapper().readTree(TestData.resource("lavaan/" + name + ".json"));
    FitOptions options = new FitOptions(FitOptions.Estimator.valueOf(estimator),
        missing.equals("fiml") ? FitOptions.Missing.FIML : FitOptions.Missing.LISTWISE,
        GroupEqual.parseList(equal));
    String call = ref.get("call").asText();
    String syntax = model.isEmpty() ? call.substring(call.indexOf("with model:") + "with model:".length())
        : model;
    SemFit fit = SemFitter.fit(SemModel.parse(syntax), dataForModel.apply(syntax), options);
    assertTrue(fit.converged());
    List<String> failures = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = ref.get("fit").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue().isNull() || !fit.fit().containsKey(e.getKey())) {
        continue;
      }
      check(failures, "fit " + e.getKey(), fit.measure(e.getKey()), e.getValue().asDouble(), 1e-3);
    }
    for (String required : List.of("chisq", "df", "cfi", "tli", "rmsea", "rmsea.ci.lower",
        "rmsea.ci.upper", "rmsea.pvalue", "srmr", "aic", "bic", "logl", "npar")) {
      assertTrue(fit.fit().containsKey(required), "missing fit measure " + required);
    }
    if (estimator.equals("MLR")) {
      // the robust measures too, with missing data from lavaan's FIML-corrected statistics
      for (String required : List.of("chisq.scaled", "chisq.scaling.factor", "cfi.scaled",
          "rmsea.scaled", "cfi.robust", "tli.robust", "rmsea.robust", "rmsea.ci.lower.robust",
          "rmsea.ci.upper.robust", "rmsea.pvalue.robust")) {
        assertTrue(fit.fit().containsKey(required), "missing fit measure " + required);
      }
    }
    int compared = 0;
    for (JsonNode p : ref.get("parameters")) {
      String op = p.get("op").asText();
      ParameterEstimate mine = fit.parameter(p.get("lhs").asText(), op, p.get("rhs").asText(),
          p.get("group").asInt());
      assertNotNull(mine, "no row for " + p);
      String row = p.get("lhs").asText() + op + p.get("rhs").asText() + " g" + p.get("group").asInt();
      check(failures, row + " est", mine.est(), p.get("est").asDouble(), 1e-3);
      if (!p.get("se").isNull() && p.get("se").asDouble() > 0) {
        check(failures, row + " se", mine.se(), p.get("se").asDouble(), 2e-3);
      }
      check(failures, row + " std.lv", mine.stdLv(), p.get("std.lv").asDouble(), 1e-3);
      check(failures, row + " std.all", mine.stdAll(), p.get("std.all").asDouble(), 1e-3);
      compared++;
    }
    assertEquals(ref.get("parameters").size(), compared);
    assertEquals(ref.get("parameters").size(), fit.parameters().size(), "parameter rows");
    assertTrue(failures.isEmpty(), name + ":\n" + String.join("\n", failures));
  }

  private static void check(List<String> failures, String what, double mine, double lavaan, double tol) {
    double scale = Math.max(Math.abs(lavaan), 1e-3);
    if (!(Math.abs(mine - lavaan) <= tol * scale)) {
      failures.add(String.format("%s: vaar %.8g, lavaan %.8g", what, mine, lavaan));
    }
  }
}

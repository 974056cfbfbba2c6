package io.vaar.pipeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code vaar sem fit} with the real SEM engine on the Holzinger-Swineford data by school,
 * against lavaan 0.6.14's {@code cfa(HS.model, data = HS, group = "school")}.
 */
class SemFitEndToEndTest {

  private static String resource(String name) throws Exception {
    return Path.of(SemFitEndToEndTest.class.getResource(name).toURI()).toString();
  }

  private static JsonNode lavaan() throws Exception {
    try (InputStream in = SemFitEndToEndTest.class.getResourceAsStream("/hs-configural.lavaan.json")) {
      return new ObjectMapper().readTree(in);
    }
  }

  private static void assertRelative(double expected, JsonNode actual, double tolerance) {
    assertThat(actual.asDouble(), closeTo(expected, tolerance * Math.max(1.0, Math.abs(expected))));
  }

  @Test
  void configuralModelBySchoolMatchesLavaan() throws Exception {
    CliRun run = CliRun.of(SemFitEngine.DEFAULT, "sem", "fit", "--model", resource("/hs.lav"),
        "--data", resource("/HolzingerSwineford1939.csv"), "--group", "school", "--json", "--repeat", "3");
    assertThat(run.err(), run.exitCode(), equalTo(0));
    assertThat(run.err(), emptyString());
    JsonNode json = new ObjectMapper().readTree(run.out());
    JsonNode reference = lavaan();

    assertThat(json.get("converged").asBoolean(), equalTo(true));
    assertThat(json.get("estimator").asText(), equalTo("ML"));
    assertThat(json.get("groups").toString(), equalTo("[\"Pasteur\",\"Grant-White\"]"));
    assertThat(json.get("timing").get("repeats").asInt(), equalTo(3));
    for (String measure : new String[] {"npar", "chisq", "df", "cfi", "tli", "rmsea", "srmr", "aic", "bic",
        "logl"}) {
      assertRelative(reference.get("fit").get(measure).asDouble(), json.get("fit").get(measure), 1e-3);
    }
    for (JsonNode expected : reference.get("parameters")) {
      JsonNode actual = find(json.get("parameters"), expected);
      assertRelative(expected.get("est").asDouble(), actual.get("est"), 1e-3);
      if (expected.get("se").asDouble() > 0) {
        assertRelative(expected.get("se").asDouble(), actual.get("se"), 2e-3);
      }
    }
  }

  @Test
  void textSummaryOfTheConfiguralModel() throws Exception {
    CliRun run = CliRun.of(SemFitEngine.DEFAULT, "sem", "fit", "--model", resource("/hs.lav"),
        "--data", resource("/HolzingerSwineford1939.csv"), "--group", "school", "--std");
    assertThat(run.err(), run.exitCode(), equalTo(0));
    assertThat(run.out(), containsString("  Test statistic                               115.851\n"));
    assertThat(run.out(), containsString("  Degrees of freedom                                48\n"));
    assertThat(run.out(), containsString("Group 1 [Pasteur]:"));
    assertThat(run.out(), containsString("Group 2 [Grant-White]:"));
    assertThat(run.out(), containsString("Std.lv  Std.all"));
  }

  private static JsonNode find(JsonNode parameters, JsonNode wanted) {
    for (JsonNode p : parameters) {
      if (p.get("lhs").asText().equals(wanted.get("lhs").asText())
          && p.get("op").asText().equals(wanted.get("op").asText())
          && p.get("rhs").asText().equals(wanted.get("rhs").asText())
          && p.get("group").asInt() == wanted.get("group").asInt()) {
        return p;
      }
    }
    throw new AssertionError("no parameter " + wanted.get("lhs").asText() + " " + wanted.get("op").asText()
        + " " + wanted.get("rhs").asText() + " in group " + wanted.get("group").asInt());
  }
}

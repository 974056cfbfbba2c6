package io.vaar.pipeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SemFitJsonTest {

  private static JsonNode render() throws Exception {
    String text = SemFitJson.render(HandBuiltFits.twoGroups(true), List.of("Pasteur", "Grant-White"),
        FitTiming.ofNanos(new long[] {9_000_000, 3_100_000, 3_000_000, 2_900_000}));
    return new ObjectMapper().readTree(text);
  }

  private static List<String> keys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  @Test
  void topLevelKeysFollowTheContract() throws Exception {
    assertThat(keys(render()), contains("converged", "estimator", "groups", "fit", "parameters", "timing",
        "missing", "warnings", "r2", "nobs"));
  }

  @Test
  void fitHasEveryMeasureWithNullForUndefinedAndTheContractsMeasuresAlways() throws Exception {
    JsonNode fit = render().get("fit");
    assertThat(fit.get("npar").isIntegralNumber(), equalTo(true));
    assertThat(fit.get("npar").asInt(), equalTo(60));
    assertThat(fit.get("chisq").asDouble(), equalTo(115.851));
    assertThat(fit.get("rmsea.pvalue").isNull(), equalTo(true));
    assertThat(fit.get("srmr").isNull(), equalTo(true));
    assertThat(fit.get("chisq.scaled").isNull(), equalTo(true));
    assertThat(fit.get("chisq.scaling.factor").isNull(), equalTo(true));
  }

  @Test
  void parametersHaveLavaansColumnsWithNullForUndefined() throws Exception {
    JsonNode first = render().get("parameters").get(0);
    assertThat(keys(first), contains("lhs", "op", "rhs", "group", "label", "free", "est", "se", "z",
        "pvalue", "std.lv", "std.all"));
    assertThat(first.get("free").asBoolean(), equalTo(false));
    assertThat(first.get("se").asDouble(), equalTo(0.0));
    assertThat(first.get("z").isNull(), equalTo(true));
    assertThat(first.get("pvalue").isNull(), equalTo(true));
    JsonNode second = render().get("parameters").get(2);
    assertThat(second.get("group").asInt(), equalTo(2));
    assertThat(second.get("std.all").asDouble(), equalTo(0.507));
  }

  @Test
  void timingIsTheMedianOfAllRepeats() throws Exception {
    JsonNode timing = render().get("timing");
    assertThat(timing.get("repeats").asInt(), equalTo(4));
    assertThat(timing.get("median_ms").asDouble(), equalTo(3.05));
  }

  @Test
  void groupSizesAndRSquarePerGroup() throws Exception {
    JsonNode json = render();
    assertThat(json.get("nobs").toString(), equalTo("[156,145]"));
    assertThat(json.get("r2").get(0).get("x1").asDouble(), equalTo(0.786));
    assertThat(json.get("r2").size(), equalTo(2));
  }
}

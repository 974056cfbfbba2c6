package io.vaar.sem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The configural → metric → scalar → strict sequence against lavaan's lavTestLRT table. */
class InvarianceSequenceTest {
  private static final String HS = TestData.HS_MODEL;

  @Test
  void reproducesLavTestLrt() throws Exception {
    JsonNode ref = new ObjectMapper().readTree(TestData.resource("lavaan/hs-invariance-lrt.json"));
    List<InvarianceSequence.Step> steps = InvarianceSequence.run(SemModel.parse(HS),
        TestData.csv("data/HolzingerSwineford1939.csv", "school"), FitOptions.ml());
    assertEquals(4, steps.size());
    for (int i = 0; i < 4; i++) {
      JsonNode row = ref.get("table").get(i);
      InvarianceSequence.Step step = steps.get(i);
      assertEquals(row.get("model").asText(), step.level().word());
      assertEquals(row.get("Df").asDouble(), step.fit().measure("df"), 1e-9);
      assertEquals(row.get("Chisq").asDouble(), step.fit().measure("chisq"), 1e-3 * row.get("Chisq").asDouble());
      if (i == 0) {
        assertTrue(Double.isNaN(step.chisqDiff()));
        continue;
      }
      assertEquals(row.get("Chisq diff").asDouble(), step.chisqDiff(), 1e-3 * row.get("Chisq diff").asDouble());
      assertEquals(row.get("Df diff").asDouble(), step.dfDiff(), 1e-9);
      assertEquals(row.get("Pr(>Chisq)").asDouble(), step.pvalue(), 1e-3 * row.get("Pr(>Chisq)").asDouble());
      assertEquals(row.get("RMSEA").asDouble(), step.rmseaOfDifference(), 1e-3 * row.get("RMSEA").asDouble());
      JsonNode fit = ref.get("fit");
      String name = row.get("model").asText();
      String before = ref.get("table").get(i - 1).get("model").asText();
      assertEquals(fit.get(name).get("cfi").asDouble() - fit.get(before).get("cfi").asDouble(),
          step.cfiDiff(), 1e-5);
      assertEquals(fit.get(name).get("rmsea").asDouble() - fit.get(before).get("rmsea").asDouble(),
          step.rmseaDiff(), 1e-5);
    }
  }

  @Test
  void stopsAtTheRequestedLevelWithTheSameSteps() {
    SemData data = TestData.csv("data/HolzingerSwineford1939.csv", "school");
    List<InvarianceSequence.Step> all = InvarianceSequence.run(SemModel.parse(HS), data,
        FitOptions.ml());
    List<InvarianceSequence.Step> toScalar = InvarianceSequence.run(SemModel.parse(HS), data,
        FitOptions.ml(), InvarianceSequence.Level.SCALAR);
    assertEquals(3, toScalar.size());
    assertEquals(InvarianceSequence.Level.SCALAR, toScalar.get(2).level());
    assertEquals(all.get(2).chisqDiff(), toScalar.get(2).chisqDiff(), 0.0);
  }

  @Test
  void needsGroups() {
    assertThrows(SemInputException.class, () -> InvarianceSequence.run(SemModel.parse(HS),
        TestData.csv("data/HolzingerSwineford1939.csv", null), FitOptions.ml()));
  }
}

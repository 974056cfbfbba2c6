package io.vaar.sem.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vaar.sem.syntax.ModelSyntax;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** lavaan's defaults for sem(): what is free, fixed and held equal. */
class ParameterTableBuilderTest {
  private static ParameterRow row(ParameterTable t, String lhs, String op, String rhs, int g) {
    return t.rows().stream().filter(r -> r.lhs().equals(lhs) && r.op().equals(op)
        && r.rhs().equals(rhs) && r.group() == g).findFirst().orElse(null);
  }

  @Test
  void outcomesGetResidualCovarianceButChainedOutcomesDoNot() {
    ParameterTable t = ParameterTableBuilder.build(ModelSyntax.parse(
        "A =~ a1 + a2 + a3\nB =~ b1 + b2 + b3\nC =~ c1 + c2 + c3\nD =~ d1 + d2 + d3\n"
            + "B ~ A\nC ~ A\nD ~ C"), 1, Set.of(), false);
    // B is a pure outcome, D is a pure outcome, C predicts D: only B ~~ D is added
    assertTrue(row(t, "B", "~~", "D", 1).isFree());
    assertEquals(null, row(t, "B", "~~", "C", 1));
    assertEquals(null, row(t, "A", "~~", "B", 1));
    assertFalse(row(t, "A", "=~", "a1", 1).isFree());
    assertEquals(1.0, row(t, "A", "=~", "a1", 1).value());
  }

  @Test
  void observedCovariatesAreFixedX() {
    ParameterTable t = ParameterTableBuilder.build(ModelSyntax.parse(
        "F =~ y1 + y2 + y3\nF ~ x1 + x2"), 1, Set.of(), false);
    assertEquals(List.of("x1", "x2"), t.exogenousObserved());
    assertFalse(row(t, "x1", "~~", "x2", 1).isFree());
    assertTrue(row(t, "x1", "~~", "x2", 1).exogenous());
    assertEquals(List.of("y1", "y2", "y3", "x1", "x2"), t.observed());
  }

  @Test
  void scalarInvarianceTiesInterceptsAndFreesLaterLatentMeans() {
    ParameterTable t = ParameterTableBuilder.build(ModelSyntax.parse("F =~ x1 + x2 + x3"), 2,
        EnumSet.of(GroupEqual.LOADINGS, GroupEqual.INTERCEPTS), true);
    assertEquals(row(t, "F", "=~", "x2", 1).free(), row(t, "F", "=~", "x2", 2).free());
    assertEquals(row(t, "x1", "~1", "", 1).free(), row(t, "x1", "~1", "", 2).free());
    assertFalse(row(t, "F", "~1", "", 1).isFree());
    assertTrue(row(t, "F", "~1", "", 2).isFree());
    assertTrue(row(t, "x1", "~~", "x1", 1).free() != row(t, "x1", "~~", "x1", 2).free());
  }

  @Test
  void freeMarkerAndPerGroupLabels() {
    ParameterTable t = ParameterTableBuilder.build(ModelSyntax.parse(
        "F =~ NA*x1 + c(a, b)*x2 + c(a, b)*x3\nF ~~ 1*F"), 2, Set.of(), true);
    assertTrue(row(t, "F", "=~", "x1", 1).isFree());
    assertEquals(row(t, "F", "=~", "x2", 1).free(), row(t, "F", "=~", "x3", 1).free());
    assertTrue(row(t, "F", "=~", "x2", 1).free() != row(t, "F", "=~", "x2", 2).free());
    assertEquals(1.0, row(t, "F", "~~", "F", 2).value());
  }
}

package io.vaar.sem.syntax;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ModelSyntaxTest {

  /**
   * Each valid model with its statements rendered one per line as
   * {@code line: lhs op term + term}, where a term is {@code {modifiers}variable}, per-group
   * modifiers are separated by {@code |}, and the intercept's empty variable shows as {@code ""}.
   * Rendering every field means any wrong parse changes the text.
   */
  static Stream<Arguments> validModels() {
    return Stream.of(
        Arguments.of("Holzinger-Swineford three-factor model",
            "visual =~ x1 + x2 + x3\n textual =~ x4 + x5 + x6\n speed =~ x7 + x8 + x9",
            """
            1: visual =~ x1 + x2 + x3
            2: textual =~ x4 + x5 + x6
            3: speed =~ x7 + x8 + x9"""),
        Arguments.of("Political Democracy model on one line with ';'",
            "ind60 =~ x1 + x2 + x3; dem60 =~ y1 + a*y2 + b*y3 + c*y4; "
                + "dem65 =~ y5 + a*y6 + b*y7 + c*y8; dem60 ~ ind60; dem65 ~ ind60 + dem60; "
                + "y1 ~~ y5; y2 ~~ y4 + y6",
            """
            1: ind60 =~ x1 + x2 + x3
            1: dem60 =~ y1 + {label=a}y2 + {label=b}y3 + {label=c}y4
            1: dem65 =~ y5 + {label=a}y6 + {label=b}y7 + {label=c}y8
            1: dem60 ~ ind60
            1: dem65 ~ ind60 + dem60
            1: y1 ~~ y5
            1: y2 ~~ y4 + y6"""),
        Arguments.of("fixed values: 1, 0, negative, exponent, decimal without leading digit",
            "f =~ 1*x1 + 0*x2 + -0.5*x3 + 1e-3*x4 + .25*x5 + 2.5E+2*x6 + +3*x7",
            "1: f =~ {fixed=1.0}x1 + {fixed=0.0}x2 + {fixed=-0.5}x3 + {fixed=0.001}x4"
                + " + {fixed=0.25}x5 + {fixed=250.0}x6 + {fixed=3.0}x7"),
        Arguments.of("NA frees the first loading",
            "f =~ NA*x1 + x2",
            "1: f =~ {free}x1 + x2"),
        Arguments.of("labels with digits, dots and underscores",
            "f =~ a*x1 + load_1*x2 + a.b*x3 + .l*x4 + _u*x5",
            "1: f =~ {label=a}x1 + {label=load_1}x2 + {label=a.b}x3 + {label=.l}x4 + {label=_u}x5"),
        Arguments.of("start values, also negative and per group",
            "f =~ start(0.5)*x1 + start(-1)*x2 + start(c(1, 2))*x3",
            "1: f =~ {start=0.5}x1 + {start=-1.0}x2 + {start=1.0|start=2.0}x3"),
        Arguments.of("chained prefixes merge into one modifier",
            "f =~ a*NA*x1 + start(1)*a*x2 + NA*start(2)*b*x3 + 1*a*x4",
            "1: f =~ {free,label=a}x1 + {label=a,start=1.0}x2 + {free,label=b,start=2.0}x3"
                + " + {fixed=1.0,label=a}x4"),
        Arguments.of("per-group vectors of numbers, NA, labels and start values",
            "f =~ c(1, NA)*x1 + c(a, b)*x2 + c(a1,a2,a3)*x3 + c(start(1), 2)*x4 + c(-1, NA, l)*x5",
            "1: f =~ {fixed=1.0|free}x1 + {label=a|label=b}x2 + {label=a1|label=a2|label=a3}x3"
                + " + {start=1.0|fixed=2.0}x4 + {fixed=-1.0|free|label=l}x5"),
        Arguments.of("a single modifier is broadcast over a per-group vector",
            "f =~ c(a, b)*NA*x1 + start(0.5)*c(1, NA)*x2",
            "1: f =~ {free,label=a|free,label=b}x1 + {fixed=1.0,start=0.5|free,start=0.5}x2"),
        Arguments.of("a label named c or start is a label, not a function",
            "f =~ c*x1 + start*x2",
            "1: f =~ {label=c}x1 + {label=start}x2"),
        Arguments.of("intercepts: free, fixed, labelled, explicitly free",
            "x1 ~ 1\nx2 ~ 0*1\nx3 ~ a*1\nF ~ NA*1\nx4 ~ c(i1, i2)*1",
            "1: x1 ~1 \"\"\n2: x2 ~1 {fixed=0.0}\"\"\n3: x3 ~1 {label=a}\"\"\n"
                + "4: F ~1 {free}\"\"\n5: x4 ~1 {label=i1|label=i2}\"\""),
        Arguments.of("a regression with an intercept first splits intercept-first",
            "y ~ 1 + x1 + b*x2",
            "1: y ~1 \"\"\n1: y ~ x1 + {label=b}x2"),
        Arguments.of("a regression with an intercept last splits regression-first",
            "y ~ x1 + a*1",
            "1: y ~ x1\n1: y ~1 {label=a}\"\""),
        Arguments.of("several left-hand variables expand to one statement each",
            "y1 + y2 ~ x1 + a*x2\nz1 + z2 + z3 ~~ w",
            """
            1: y1 ~ x1 + {label=a}x2
            1: y2 ~ x1 + {label=a}x2
            2: z1 ~~ w
            2: z2 ~~ w
            2: z3 ~~ w"""),
        Arguments.of("several left-hand variables with an intercept",
            "y1 + y2 ~ 1 + x",
            "1: y1 ~1 \"\"\n1: y1 ~ x\n1: y2 ~1 \"\"\n1: y2 ~ x"),
        Arguments.of("variances and covariances",
            "x1 ~~ x1\nx1 ~~ 0*x2 + c12*x3",
            "1: x1 ~~ x1\n2: x1 ~~ {fixed=0.0}x2 + {label=c12}x3"),
        Arguments.of("a line ending with '+' continues on the next line",
            "visual =~ x1 +\n   x2 + x3\ntextual =~ x4",
            "1: visual =~ x1 + x2 + x3\n3: textual =~ x4"),
        Arguments.of("a line starting with '+' continues the previous one, across blank lines and comments",
            "visual =~ x1\n + x2\n\n# a comment\n   + x3\nspeed =~ x7",
            "1: visual =~ x1 + x2 + x3\n6: speed =~ x7"),
        Arguments.of("a line ending with an operator or '*' continues",
            "visual =~\n  x1 + 1*\n  x2\ny ~\n x\nz ~~\n\n w",
            "1: visual =~ x1 + {fixed=1.0}x2\n4: y ~ x\n6: z ~~ w"),
        Arguments.of("a comment after a trailing '+' does not end the formula",
            "f =~ x1 + # first two\n x2 ! and a second kind of comment\ng =~ y1",
            "1: f =~ x1 + x2\n3: g =~ y1"),
        Arguments.of("comments, blank lines, tabs, CRLF line ends and stray ';'",
            "# Holzinger\r\n\r\n\tvisual\t=~ x1 + x2 ; ;\r\n! other comment\r\n  speed =~ x7 # trailing\r\n",
            "3: visual =~ x1 + x2\n5: speed =~ x7"),
        Arguments.of("no space around operators",
            "f=~x1+2*x2\ny~x\na~~b",
            "1: f =~ x1 + {fixed=2.0}x2\n2: y ~ x\n3: a ~~ b"),
        Arguments.of("an empty model has no statements",
            "\n  # nothing here\n;\n",
            ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validModels")
  void parsesValidModels(String description, String model, String expected) {
    assertThat(render(ModelSyntax.parse(model)), equalTo(expected));
  }

  /** Each invalid model with the exact line, column and message of its error. */
  static Stream<Arguments> invalidModels() {
    return Stream.of(
        Arguments.of("missing right-hand side at the end", "visual =~",
            1, 10, "expected a variable name after '=~'"),
        Arguments.of("missing right-hand side before the next formula",
            "f =~ x1\ng ~\n",
            2, 4, "expected a variable name after '~'"),
        Arguments.of("dangling '+' at the end", "f =~ x1 + x2\ng =~ y1 +",
            2, 10, "expected a variable name after '+'"),
        Arguments.of("double '+'", "f =~ x1 + + x2",
            1, 11, "expected a variable name after '+', found '+'"),
        Arguments.of("'+' then a non-name", "a =~ b\nc =~ d\nvisual =~ x1 + *x2",
            3, 16, "expected a variable name after '+', found '*'"),
        Arguments.of("no operator", "visual x1 x2",
            1, 8, "expected an operator (=~, ~ or ~~) after 'visual', found 'x1'"),
        Arguments.of("a name alone on a line", "f =~ x1\nvisual\n",
            2, 7, "expected an operator (=~, ~ or ~~) after 'visual'"),
        Arguments.of("missing left-hand side", "=~ x1",
            1, 1, "expected a variable name before '=~'"),
        Arguments.of("a number as left-hand side", "1 ~ x",
            1, 1, "expected a variable name at the start of the formula, found '1'"),
        Arguments.of("two right-hand names without '+'", "f =~ x1 x2",
            1, 9, "expected '+' or the end of the formula after 'x1', found 'x2'"),
        Arguments.of("a second operator in one formula", "f =~ x1 ~ x2",
            1, 9, "expected '+' or the end of the formula after 'x1', found '~'"),
        Arguments.of("unknown character", "f =~ x1 + $x2",
            1, 11, "unexpected character '$'"),
        Arguments.of("a lone '=' suggests '=~'", "f = x1",
            1, 3, "unexpected character '='; the measurement operator is '=~'"),
        Arguments.of("a number glued to a name", "f =~ 2x1",
            1, 6, "'2x1' is neither a number nor a variable name (names start with a letter, '.' or '_')"),
        Arguments.of("modifier without a variable at the end", "x =~ 1*",
            1, 8, "expected a variable name after '*'"),
        Arguments.of("modifier followed by '+'", "x =~ a* + x2",
            1, 9, "expected a variable name after '*', found '+'"),
        Arguments.of("a fixed value without '*'", "x =~ 2",
            1, 7, "expected '*' and a variable name after '2'"),
        Arguments.of("a negative number as a variable", "y ~ -1",
            1, 7, "expected '*' and a variable name after '-1'"),
        Arguments.of("NA as a variable", "x =~ NA",
            1, 8, "expected '*' and a variable name after 'NA'"),
        Arguments.of("NA as a left-hand side", "NA =~ x",
            1, 1, "expected a variable name at the start of the formula, found 'NA'"),
        Arguments.of("c() without '*'", "x =~ c(1, NA) + x2",
            1, 15, "expected '*' and a variable name after 'c(...)', found '+'"),
        Arguments.of("empty c()", "f =~ x1\nf =~ c()*x2",
            2, 6, "empty c(): give one value per group, as in c(1, NA)"),
        Arguments.of("unclosed c(", "f =~ c(1, NA*x1",
            1, 13, "expected ',' or ')' in c(...), found '*'"),
        Arguments.of("c( never closed", "f =~ c(1, NA",
            1, 7, "unbalanced parentheses: this '(' is never closed"),
        Arguments.of("start( never closed", "f =~ start(1",
            1, 11, "unbalanced parentheses: this '(' is never closed"),
        Arguments.of("stray ')'", "f =~ x1)",
            1, 8, "unbalanced parentheses: this ')' has no matching '('"),
        Arguments.of("stray '('", "f =~ (x1 + x2)",
            1, 6, "unexpected '(': parentheses only follow c or start, as in c(1, NA)*x1"),
        Arguments.of("trailing comma in c()", "f =~ c(1,)*x1",
            1, 10, "expected a number, NA or a label in c(...), found ')'"),
        Arguments.of("nested c()", "f =~ c(c(1))*x1",
            1, 8, "expected a number, NA or a label in c(...), found 'c'"),
        Arguments.of("start without a number", "f =~ start(a)*x1",
            1, 12, "expected a number in start(...), found 'a'"),
        Arguments.of("start(c()) with a label", "f =~ start(c(1, a))*x1",
            1, 12, "start(c(...)) takes numbers only"),
        Arguments.of("unknown modifier function", "f =~ equal(\"a\")*x1",
            1, 6, "unknown modifier 'equal(...)'; only c(...) and start(...) are supported"),
        Arguments.of("conflicting fixed value and NA", "f =~ 1*NA*x1",
            1, 8, "conflicting modifiers: fixed value 1 and NA (free)"),
        Arguments.of("conflicting labels", "f =~ a*b*x1",
            1, 8, "conflicting modifiers: label 'a' and label 'b'"),
        Arguments.of("conflicting fixed values", "f =~ 1*0.5*x1",
            1, 8, "conflicting modifiers: fixed value 1 and fixed value 0.5"),
        Arguments.of("conflicting start values", "f =~ start(1)*start(2)*x1",
            1, 15, "conflicting modifiers: start value 1 and start value 2"),
        Arguments.of("conflict in one group of a vector", "f =~ c(1, NA)*c(a, 2)*x1",
            1, 15, "conflicting modifiers: fixed value 2 and NA (free)"),
        Arguments.of("vectors of different lengths", "f =~ c(a, b)*c(1, 2, 3)*x1",
            1, 14, "per-group vectors of different lengths (2 and 3) on one term"),
        Arguments.of("intercept with =~", "f =~ 1",
            1, 6, "an intercept (1) needs the operator '~', as in y ~ 1"),
        Arguments.of("intercept with ~~", "x ~~ a*1",
            1, 8, "an intercept (1) needs the operator '~', as in y ~ 1"),
        Arguments.of("intercept twice", "y ~ 1 + x + 1",
            1, 13, "the intercept (1) appears twice in this formula"),
        Arguments.of("defined parameter", "f =~ x1 + a*x2\nab := a*b",
            2, 4, "the operator ':=' (defined parameters) is not supported;"
                + " compute derived quantities from the estimates instead"),
        Arguments.of("equality constraint", "f =~ x1 + a*x2 + b*x3\n\n\n\n  a == b",
            5, 5, "the operator '==' (constraints) is not supported;"
                + " use a shared label such as a*x1 + a*x2 for equality"),
        Arguments.of("inequality constraint '<'", "a < 0.5",
            1, 3, "the operator '<' (inequality constraints) is not supported"),
        Arguments.of("inequality constraint '>'", "b>0",
            1, 2, "the operator '>' (inequality constraints) is not supported"),
        Arguments.of("formative indicators", "f <~ x1 + x2",
            1, 3, "the operator '<~' (formative indicators) is not supported"),
        Arguments.of("thresholds", "u1 | t1 + t2",
            1, 4, "the operator '|' (thresholds) is not supported"),
        Arguments.of("scaling factors", "u1 ~*~ u1",
            1, 4, "the operator '~*~' (scaling factors) is not supported"),
        Arguments.of("the first error in the text wins", "f =~ x1 x2\ng == h",
            1, 9, "expected '+' or the end of the formula after 'x1', found 'x2'"),
        Arguments.of("errors in continued formulas point at the right line",
            "visual =~ x1 +\n   x2 +\n   x3 x4",
            3, 7, "expected '+' or the end of the formula after 'x3', found 'x4'"),
        Arguments.of("a comment does not hide a dangling '+'", "f =~ x1 + # more later",
            1, 10, "expected a variable name after '+'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidModels")
  void reportsErrorsWithPosition(String description, String model, int line, int column, String detail) {
    ModelSyntaxException error = assertThrows(ModelSyntaxException.class, () -> ModelSyntax.parse(model));
    assertThat(error.getMessage(), equalTo("line " + line + ", column " + column + ": " + detail));
    assertThat(error.line(), is(line));
    assertThat(error.column(), is(column));
    assertThat(error.detail(), equalTo(detail));
  }

  @Test
  void politicalDemocracyFieldsAreExact() {
    List<Statement> statements = ModelSyntax.parse(
        "ind60 =~ x1 + x2 + x3\ndem60 =~ y1 + a*y2 + b*y3 + c*y4\ndem65 ~ ind60 + dem60");
    assertThat(statements, hasSize(3));
    Statement dem60 = statements.get(1);
    assertThat(dem60.lhs(), equalTo("dem60"));
    assertThat(dem60.op(), is(Operator.MEASURED_BY));
    assertThat(dem60.line(), is(2));
    assertThat(dem60.terms().get(0), equalTo(new Term("y1", List.of())));
    assertThat(dem60.terms().get(1), equalTo(new Term("y2", List.of(new Modifier(null, false, "a", null)))));
    assertThat(statements.get(2), equalTo(new Statement("dem65", Operator.REGRESSION,
        List.of(new Term("ind60", List.of()), new Term("dem60", List.of())), 3)));
  }

  @Test
  void modifierFieldsAreExact() {
    Term term = ModelSyntax.parse("f =~ start(0.5)*a*NA*x1").get(0).terms().get(0);
    Modifier modifier = term.modifiers().get(0);
    assertThat(term.variable(), equalTo("x1"));
    assertThat(modifier.fixed(), nullValue());
    assertThat(modifier.free(), is(true));
    assertThat(modifier.label(), equalTo("a"));
    assertThat(modifier.start(), equalTo(0.5));
  }

  @Test
  void interceptTermHasEmptyVariable() {
    Statement intercept = ModelSyntax.parse("x1 ~ 0*1").get(0);
    assertThat(intercept.op(), is(Operator.INTERCEPT));
    assertThat(intercept.terms(), contains(new Term("", List.of(new Modifier(0.0, false, null, null)))));
    assertThat(intercept.terms().get(0).isIntercept(), is(true));
  }

  @Test
  void operatorsKnowLavaanSymbols() {
    assertThat(Stream.of(Operator.values()).map(Operator::symbol).toList(),
        contains("=~", "~", "~~", "~1"));
  }

  @Test
  void recordsAreImmutable() {
    List<Term> terms = new ArrayList<>(List.of(new Term("x", new ArrayList<>())));
    Statement statement = new Statement("y", Operator.REGRESSION, terms, 1);
    terms.clear();
    assertThat(statement.terms(), hasSize(1));
    assertThrows(UnsupportedOperationException.class, () -> statement.terms().add(new Term("z", List.of())));
    assertThrows(UnsupportedOperationException.class,
        () -> statement.terms().get(0).modifiers().add(new Modifier(1.0, false, null, null)));
    assertThrows(UnsupportedOperationException.class, () -> ModelSyntax.parse("y ~ x").add(statement));
  }

  private static String render(List<Statement> statements) {
    return statements.stream()
        .map(s -> s.line() + ": " + s.lhs() + " " + s.op().symbol() + " "
            + s.terms().stream().map(ModelSyntaxTest::render).collect(Collectors.joining(" + ")))
        .collect(Collectors.joining("\n"));
  }

  private static String render(Term term) {
    String variable = term.isIntercept() ? "\"\"" : term.variable();
    if (term.modifiers().isEmpty()) {
      return variable;
    }
    return term.modifiers().stream().map(ModelSyntaxTest::render).collect(Collectors.joining("|", "{", "}"))
        + variable;
  }

  private static String render(Modifier modifier) {
    List<String> parts = new ArrayList<>();
    if (modifier.fixed() != null) {
      parts.add("fixed=" + modifier.fixed());
    }
    if (modifier.free()) {
      parts.add("free");
    }
    if (modifier.label() != null) {
      parts.add("label=" + modifier.label());
    }
    if (modifier.start() != null) {
      parts.add("start=" + modifier.start());
    }
    return String.join(",", parts);
  }
}

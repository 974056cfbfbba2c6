package io.vaar.sem;

import io.vaar.sem.model.GroupEqual;
import io.vaar.sem.model.ParameterTable;
import io.vaar.sem.model.ParameterTableBuilder;
import io.vaar.sem.syntax.ModelSyntax;
import io.vaar.sem.syntax.Statement;
import java.util.List;
import java.util.Set;

/**
 * A model written in lavaan syntax, parsed and ready to fit to any data with the variables it
 * names. Parsing errors surface as {@link io.vaar.sem.syntax.ModelSyntaxException} with line and
 * column.
 */
public final class SemModel {
  private final String syntax;
  private final List<Statement> statements;

  private SemModel(String syntax, List<Statement> statements) {
    this.syntax = syntax;
    this.statements = statements;
  }

  public static SemModel parse(String syntax) {
    List<Statement> st = ModelSyntax.parse(syntax);
    if (st.isEmpty()) {
      throw new SemInputException("the model is empty; write at least one statement such as F =~ x1 + x2 + x3");
    }
    return new SemModel(syntax, st);
  }

  public String syntax() {
    return syntax;
  }

  /** The observed variables the model needs from the data, in lavaan's order. */
  public List<String> observedVariables() {
    return table(1, Set.of(), false).observed();
  }

  public List<String> latentVariables() {
    return table(1, Set.of(), false).latent();
  }

  /** The parameter table for a number of groups. */
  public ParameterTable table(int groups, Set<GroupEqual> groupEqual, boolean meanStructure) {
    try {
      return ParameterTableBuilder.build(statements, groups, groupEqual, meanStructure);
    } catch (SemInputException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new SemInputException(e.getMessage());
    }
  }
}

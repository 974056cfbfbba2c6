package io.vaar.transforms.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vaar.sem.InvarianceSequence;
import io.vaar.sem.SemFit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a {@link StudyResult} as {@code analysis/vaar.json} in the layout of
 * shared/docs/contracts.md ({@code alpha}, {@code expected}, {@code models} with their paths,
 * {@code invariance}, {@code fit}), plus the settings, profiles and model syntax a reader needs
 * to interpret it. Numbers that are not defined are {@code null}, never {@code NaN}. The
 * bootstrap fields ({@code vaar_ci}, {@code soft_vaar}, each path's {@code ci} and the
 * {@code bootstrap} block with replicates, seed and method) are {@code null} without a
 * bootstrap. With a human reference group, a {@code reference} block follows {@code expected}:
 * its source, file, rows ({@code n}) and rows the fit used ({@code n_used}), every path of the human group with the sign it gives VAAR
 * ({@code null} and {@code "in_vaar": false} for a path that is not significant, which VAAR
 * leaves out); the human group's profile ends {@code profiles}. Without one the output is
 * exactly what it was before human references existed.
 */
public final class StudyResultJson {

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);
  private static final List<String> FIT_MEASURES = List.of("npar", "chisq", "df", "pvalue",
      "cfi", "tli", "rmsea", "rmsea.ci.lower", "rmsea.ci.upper", "srmr", "aic", "bic", "logl",
      "chisq.scaled", "df.scaled", "pvalue.scaled", "chisq.scaling.factor", "cfi.scaled",
      "tli.scaled", "rmsea.scaled", "cfi.robust", "tli.robust", "rmsea.robust");

  private StudyResultJson() {
  }

  public static String write(StudyResult result, Map<String, Boolean> simulatedByModel) {
    ObjectNode root = JSON.createObjectNode();
    root.put("alpha", result.settings().alpha());
    root.put("estimator", result.settings().estimator().name());
    root.put("missing", result.settings().missing().name().toLowerCase(Locale.ROOT));
    root.put("compared_at", result.settings().comparisonLevel().word());
    expected(root.putArray("expected"), result.expected());
    if (result.reference() != null) {
      root.set("reference", reference(result.reference()));
    }
    ArrayNode models = root.putArray("models");
    for (int g = 0; g < result.vaar().size(); g++) {
      VaarScore.GroupVaar group = result.vaar().get(g);
      ObjectNode model = models.addObject();
      model.put("model", group.group());
      model.put("simulated", simulatedByModel.getOrDefault(group.group(), false));
      number(model, "vaar", group.vaar());
      VaarBootstrap.GroupInterval interval = result.interval(group.group());
      uncertainty(model, interval);
      model.put("n_sessions", result.profiles().get(g).sessions());
      model.put("n_used", group.n());
      paths(model.putArray("paths"), group, interval);
    }
    root.set("bootstrap", bootstrap(result.bootstrap()));
    ArrayNode invariance = root.putArray("invariance");
    for (InvarianceSequence.Step step : result.invariance()) {
      ObjectNode row = invariance.addObject().put("level", step.level().word());
      for (String measure : StudyResult.INVARIANCE_MEASURES) {
        number(row, measure, step.fit().measure(measure));
      }
      number(row, "chisq_diff", step.chisqDiff());
      number(row, "df_diff", step.dfDiff());
      number(row, "pvalue", step.pvalue());
      number(row, "cfi_diff", step.cfiDiff());
      number(row, "rmsea_diff", step.rmseaDiff());
    }
    root.put("scalar_invariance_holds", result.scalarHolds());
    root.set("fit", fit(result.comparisonFit()));
    root.set("profiles", profiles(result.profiles()));
    root.put("model_syntax", result.modelSyntax());
    return text(root);
  }

  /** The indented text of a JSON tree, ending in a newline. */
  static String text(ObjectNode root) {
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  private static ObjectNode fit(SemFit fit) {
    ObjectNode node = JSON.createObjectNode();
    node.put("converged", fit.converged());
    for (String measure : FIT_MEASURES) {
      number(node, measure, fit.measure(measure));
    }
    ArrayNode warnings = node.putArray("warnings");
    fit.warnings().forEach(warnings::add);
    return node;
  }

  private static ArrayNode profiles(List<ModelProfile> profiles) {
    ArrayNode array = JSON.createArrayNode();
    for (ModelProfile profile : profiles) {
      ObjectNode node = array.addObject().put("model", profile.model())
          .put("n_sessions", profile.sessions());
      number(node, "invalid_rate", profile.counts().invalidRate());
      number(node, "refusal_rate", profile.counts().refusalRate());
      number(node, "error_rate", profile.counts().errorRate());
      ArrayNode scales = node.putArray("scales");
      for (ScaleProfile scale : profile.scales()) {
        ObjectNode s = scales.addObject().put("scale", scale.factor()).put("n", scale.n());
        number(s, "mean", scale.mean());
        number(s, "sd", scale.sd());
        number(s, "alpha", scale.cronbachAlpha());
        number(s, "omega", scale.omega());
        number(s, "latent_mean", scale.latentMean());
      }
    }
    return array;
  }

  /** The expected signs and weights VAAR judged against. */
  static void expected(ArrayNode array, List<ExpectedPath> expected) {
    for (ExpectedPath path : expected) {
      array.addObject().put("lhs", path.lhs()).put("rhs", path.rhs())
          .put("sign", path.sign().symbol()).put("weight", path.weight());
    }
  }

  /** Where the expected signs came from: the human group's paths and their signs. */
  static ObjectNode reference(ReferenceGroup reference) {
    ObjectNode node = JSON.createObjectNode().put("source", "human")
        .put("group", reference.group()).put("file", reference.file())
        .put("n", reference.respondents()).put("n_used", reference.n());
    ArrayNode paths = node.putArray("paths");
    for (ReferenceGroup.ReferencePath path : reference.paths()) {
      ObjectNode p = paths.addObject().put("lhs", path.lhs()).put("rhs", path.rhs());
      number(p, "est", path.est());
      number(p, "se", path.se());
      number(p, "pvalue", path.pvalue());
      number(p, "std.all", path.stdAll());
      if (path.inVaar()) {
        p.put("sign", path.sign().symbol());
      } else {
        p.putNull("sign");
      }
      p.put("in_vaar", path.inVaar());
    }
    ArrayNode dropped = node.putArray("not_significant");
    reference.dropped().forEach(path -> dropped.add(path.lhs() + " ~ " + path.rhs()));
    return node;
  }

  /** {@code vaar_ci} and {@code soft_vaar} of a group, null without a bootstrap. */
  static void uncertainty(ObjectNode group, VaarBootstrap.GroupInterval interval) {
    interval(group, "vaar_ci", interval == null ? Double.NaN : interval.vaarLower(),
        interval == null ? Double.NaN : interval.vaarUpper());
    number(group, "soft_vaar", interval == null ? Double.NaN : interval.softVaar());
  }

  /** A group's judged paths with their bootstrap intervals ({@code ci}, null without one). */
  static void paths(ArrayNode paths, VaarScore.GroupVaar group,
      VaarBootstrap.GroupInterval interval) {
    for (int p = 0; p < group.paths().size(); p++) {
      VaarScore.PathVerdict path = group.paths().get(p);
      ObjectNode node = paths.addObject().put("lhs", path.lhs()).put("rhs", path.rhs())
          .put("expected", path.expected().symbol());
      number(node, "est", path.est());
      number(node, "se", path.se());
      number(node, "pvalue", path.pvalue());
      number(node, "std.all", path.stdAll());
      node.put("agree", path.agree());
      VaarBootstrap.PathInterval ci = interval == null ? null : interval.paths().get(p);
      interval(node, "ci", ci == null ? Double.NaN : ci.lower(),
          ci == null ? Double.NaN : ci.upper());
    }
  }

  /** The run's bootstrap settings and method, or null when there was none. */
  static ObjectNode bootstrap(VaarBootstrap.Result bootstrap) {
    if (bootstrap == null) {
      return null;
    }
    ObjectNode node = JSON.createObjectNode().put("replicates", bootstrap.replicates())
        .put("seed", bootstrap.seed()).put("method", bootstrap.method());
    ArrayNode failed = node.putArray("failed");
    bootstrap.groups().forEach(g -> failed.addObject().put("group", g.group())
        .put("failed", g.failed()));
    return node;
  }

  /** {@code [lower, upper]}, or null when the interval is not defined. */
  static void interval(ObjectNode node, String field, double lower, double upper) {
    if (Double.isFinite(lower) && Double.isFinite(upper)) {
      node.putArray(field).add(lower).add(upper);
    } else {
      node.putNull(field);
    }
  }

  static void number(ObjectNode node, String field, double value) {
    if (Double.isFinite(value)) {
      node.put(field, value);
    } else {
      node.putNull(field);
    }
  }
}

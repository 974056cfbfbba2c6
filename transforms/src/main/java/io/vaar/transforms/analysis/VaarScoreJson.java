package io.vaar.transforms.analysis;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Writes VAAR for any model and data as {@code ./vaar score --json} prints it, in the
 * {@code score --json} layout of shared/docs/contracts.md: {@code alpha}, {@code expected}, and
 * per group its n, VAAR, {@code vaar_ci}, {@code soft_vaar} and the judged paths (each with its
 * bootstrap {@code ci}), plus the estimator and the {@code bootstrap} block; with a reference
 * group ({@code --reference-group}) its {@code reference} block follows {@code expected}, as in
 * {@code vaar.json}. The fields are
 * written by the same code as {@code vaar.json}'s, so the two never drift apart.
 */
public final class VaarScoreJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private VaarScoreJson() {
  }

  public static String write(double alpha, String estimator, List<ExpectedPath> expected,
      List<VaarScore.GroupVaar> groups, VaarBootstrap.Result bootstrap) {
    return write(alpha, estimator, expected, null, groups, bootstrap);
  }

  /** The output with the reference group the expected signs came from (none for null). */
  public static String write(double alpha, String estimator, List<ExpectedPath> expected,
      ReferenceGroup reference, List<VaarScore.GroupVaar> groups,
      VaarBootstrap.Result bootstrap) {
    ObjectNode root = JSON.createObjectNode();
    root.put("alpha", alpha);
    root.put("estimator", estimator);
    StudyResultJson.expected(root.putArray("expected"), expected);
    if (reference != null) {
      root.set("reference", StudyResultJson.reference(reference));
    }
    ArrayNode array = root.putArray("groups");
    for (VaarScore.GroupVaar group : groups) {
      ObjectNode node = array.addObject().put("group", group.group()).put("n", group.n());
      StudyResultJson.number(node, "vaar", group.vaar());
      VaarBootstrap.GroupInterval interval = bootstrap == null ? null
          : bootstrap.group(group.group());
      StudyResultJson.uncertainty(node, interval);
      StudyResultJson.paths(node.putArray("paths"), group, interval);
    }
    root.set("bootstrap", StudyResultJson.bootstrap(bootstrap));
    return StudyResultJson.text(root);
  }
}

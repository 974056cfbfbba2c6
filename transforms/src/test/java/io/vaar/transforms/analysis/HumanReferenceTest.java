package io.vaar.transforms.analysis;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vaar.sem.FitOptions;
import io.vaar.sem.InvarianceSequence;
import io.vaar.sem.ParameterEstimate;
import io.vaar.sem.SemData;
import io.vaar.sem.SemFit;
import io.vaar.sem.SemFitter;
import io.vaar.sem.SemModel;
import io.vaar.transforms.simulated.SimulatedProfile;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * VAAR judged against a human reference group: simulated humans with known path signs are
 * fitted beside two simulated models (aligned with the literature's signs, and inverted), and
 * the expected signs must follow the humans — reversing one human path reverses that path's
 * verdict for both models, a human path with no effect leaves VAAR's set of paths, and humans
 * with no significant path at all are an error. The human group's estimates are those of a
 * direct multi-group fit of the same rows.
 */
class HumanReferenceTest {

  private static final AnalysisSettings ML = new AnalysisSettings(0.05, FitOptions.Estimator.ML,
      FitOptions.Missing.LISTWISE, InvarianceSequence.Level.METRIC);
  private static final List<String> ITEMS = SimulatedStudy.INSTRUMENTS.itemIds();
  private static List<ModelSample> models;

  @BeforeAll
  static void audit() {
    models = SimulatedStudy.samples(List.of(SimulatedProfile.ALIGNED, SimulatedProfile.INVERTED),
        200);
  }

  private static StudyResult analyse(Map<String, Double> humanWeights, long seed) {
    return StudyAnalysis.analyse(models, SimulatedHumans.sample(humanWeights, 400, seed),
        SimulatedStudy.STUDY, ML, ITEMS, new VaarBootstrap.Settings(0, 0));
  }

  private static List<String> signs(StudyResult result) {
    return result.expected().stream().map(p -> p.rhs() + p.sign().symbol()).toList();
  }

  @Test
  void expectedSignsAreTheHumanGroupsSignificantPaths() {
    StudyResult result = analyse(SimulatedHumans.ALIGNED, 1);
    assertThat(signs(result), contains("CTRL-", "AWARE-", "COLL-", "PSA+"));
    assertThat(result.reference().group(), equalTo(HumanSample.GROUP));
    assertThat(result.reference().respondents(), equalTo(400L));
    // listwise deletion: the fit uses the humans who answered every item
    assertThat(result.reference().n(), equalTo(result.comparisonFit().groupSizes().get(2)));
    assertThat(result.reference().n(), lessThan(400L));
    assertThat(result.reference().dropped(), hasSize(0));
    // VAAR is the models' only; the human group is fitted and profiled beside them
    assertThat(result.vaar().stream().map(VaarScore.GroupVaar::group).toList(),
        contains("aligned", "inverted"));
    assertThat(result.vaar().stream().map(VaarScore.GroupVaar::vaar).toList(), contains(1.0, 0.0));
    assertThat(result.comparisonFit().groups(), contains("aligned", "inverted", HumanSample.GROUP));
    assertThat(result.invariance(), hasSize(3));
    assertThat(result.profiles().get(2).model(), equalTo(HumanSample.GROUP));
  }

  @Test
  void reversingAHumanPathReversesThatPathsVerdict() {
    StudyResult result = analyse(SimulatedHumans.weights(-0.30, -0.30, -0.35, -0.45), 2);
    assertThat(signs(result), contains("CTRL-", "AWARE-", "COLL-", "PSA-"));
    VaarScore.GroupVaar aligned = result.vaar().get(0);
    VaarScore.GroupVaar inverted = result.vaar().get(1);
    // the aligned model agreed on PSA with the literature's humans; with these it disagrees
    assertThat(aligned.paths().stream().map(VaarScore.PathVerdict::agree).toList(),
        contains(true, true, true, false));
    assertThat(aligned.vaar(), equalTo(0.75));
    assertThat(inverted.paths().get(3).agree(), equalTo(true));
    assertThat(inverted.vaar(), equalTo(0.25));
  }

  @Test
  void aHumanPathThatIsNotSignificantLeavesVaarsDenominator() throws Exception {
    StudyResult result = analyse(SimulatedHumans.weights(-0.30, 0, -0.35, 0.45), 3);
    ReferenceGroup.ReferencePath awareness = result.reference().paths().get(1);
    assertThat(awareness.rhs(), equalTo("AWARE"));
    assertThat(awareness.pvalue(), greaterThan(0.05));
    assertThat(awareness.inVaar(), equalTo(false));
    assertThat(signs(result), contains("CTRL-", "COLL-", "PSA+"));
    // judged on three paths, the aligned model is fully aligned: 3 of 3, not 3 of 4
    assertThat(result.vaar().get(0).paths(), hasSize(3));
    assertThat(result.vaar().get(0).vaar(), equalTo(1.0));
    assertThat(result.vaar().get(1).vaar(), equalTo(0.0));
    JsonNode json = new ObjectMapper().readTree(StudyResultJson.write(result, Map.of()));
    assertThat(json.at("/reference/source").asText(), equalTo("human"));
    assertThat(json.at("/reference/n").asInt(), equalTo(400));
    assertThat(json.at("/reference/paths/1/rhs").asText(), equalTo("AWARE"));
    assertThat(json.at("/reference/paths/1/sign").isNull(), equalTo(true));
    assertThat(json.at("/reference/paths/1/in_vaar").asBoolean(), equalTo(false));
    assertThat(json.at("/reference/not_significant/0").asText(), equalTo("AODS ~ AWARE"));
    assertThat(json.get("expected").size(), equalTo(3));
    assertThat(json.at("/expected/1/rhs").asText(), equalTo("COLL"));
    assertThat(json.at("/expected/1/weight").asDouble(), equalTo(1.0));
  }

  @Test
  void humansWithNoSignificantPathAreAClearError() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> analyse(SimulatedHumans.weights(0, 0, 0, 0), 4));
    assertThat(error.getMessage(), containsString("no path of the human reference group "
        + "'human-reference' (simulated-humans.csv, n = "));
    assertThat(error.getMessage(), containsString("is significant at alpha = 0.05, so it gives "
        + "VAAR no expected sign"));
  }

  @Test
  void aModelNamedLikeTheHumanGroupIsRefused() {
    List<ModelSample> clash = List.of(ModelSample.of(HumanSample.GROUP, models.get(0).rows(),
        models.get(0).counts()));
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> StudyAnalysis.analyse(clash, SimulatedHumans.sample(SimulatedHumans.ALIGNED, 400, 1),
            SimulatedStudy.STUDY, ML, ITEMS, new VaarBootstrap.Settings(0, 0)));
    assertThat(error.getMessage(), containsString("rename the model"));
  }

  @Test
  void theHumanPathsAreThoseOfADirectMultiGroupFit() {
    HumanSample humans = SimulatedHumans.sample(SimulatedHumans.ALIGNED, 400, 1);
    StudyResult result = StudyAnalysis.analyse(models, humans, SimulatedStudy.STUDY, ML, ITEMS,
        new VaarBootstrap.Settings(0, 0));
    List<double[][]> rows = new ArrayList<>();
    models.forEach(model -> rows.add(model.matrix()));
    rows.add(humans.toSample().matrix());
    SemFit direct = SemFitter.fit(SemModel.parse(SimulatedStudy.STUDY.syntax()),
        SemData.ofRows(ITEMS, List.of("aligned", "inverted", "human"), rows),
        ML.fitOptions().withGroupEqual(InvarianceSequence.Level.METRIC.equal()));
    Iterator<ReferenceGroup.ReferencePath> paths = result.reference().paths().iterator();
    for (String predictor : SimulatedStudy.STUDY.predictors()) {
      ParameterEstimate expected = direct.parameter("AODS", "~", predictor, 3);
      ReferenceGroup.ReferencePath path = paths.next();
      assertThat(path.rhs(), equalTo(predictor));
      assertThat(path.est(), closeTo(expected.est(), 1e-6));
      assertThat(path.se(), closeTo(expected.se(), 1e-6));
      assertThat(path.pvalue(), closeTo(expected.pvalue(), 1e-9));
      assertThat(path.stdAll(), closeTo(expected.stdAll(), 1e-6));
    }
  }

  @Test
  void theBootstrapResamplesTheModelsOnly() {
    StudyResult result = StudyAnalysis.analyse(models,
        SimulatedHumans.sample(SimulatedHumans.ALIGNED, 400, 1), SimulatedStudy.STUDY, ML, ITEMS,
        new VaarBootstrap.Settings(20, 5));
    assertThat(result.bootstrap().groups().stream().map(VaarBootstrap.GroupInterval::group)
        .toList(), contains("aligned", "inverted"));
    assertThat(result.interval("aligned").softVaar(), greaterThan(0.9));
    assertThat(result.interval("inverted").softVaar(), lessThan(0.1));
  }

  @Test
  void pathsCsvMarksTheHumanRows() {
    String csv = StudyResultCsv.paths(analyse(SimulatedHumans.weights(-0.30, 0, -0.35, 0.45), 3));
    List<String> lines = csv.lines().toList();
    assertThat(lines.get(0), equalTo("model,lhs,rhs,expected,est,se,pvalue,std.all,agree,"
        + "ci_lower,ci_upper,vaar,vaar_ci_lower,vaar_ci_upper,soft_vaar,role"));
    assertThat(lines, hasSize(1 + 2 * 3 + 4));
    assertThat(lines.get(1), containsString(",model"));
    assertThat(lines.get(7), containsString("human-reference,AODS,CTRL,-,"));
    assertThat(lines.get(8), containsString("human-reference,AODS,AWARE,,"));
    assertThat(lines.get(8), containsString(",human_reference"));
  }

  @Test
  void withoutHumansTheJsonKeepsItsLayout() throws Exception {
    StudyResult result = StudyAnalysis.analyse(models, SimulatedStudy.STUDY,
        HumanReference.literatureDefaults(SimulatedStudy.STUDY), ML, ITEMS);
    JsonNode json = new ObjectMapper().readTree(StudyResultJson.write(result, Map.of()));
    List<String> keys = new ArrayList<>();
    json.fieldNames().forEachRemaining(keys::add);
    assertThat(keys, contains("alpha", "estimator", "missing", "compared_at", "expected",
        "models", "bootstrap", "invariance", "scalar_invariance_holds", "fit", "profiles",
        "model_syntax"));
    assertThat(StudyResultCsv.paths(result).lines().findFirst().orElseThrow(),
        equalTo("model,lhs,rhs,expected,est,se,pvalue,std.all,agree,ci_lower,ci_upper,vaar,"
            + "vaar_ci_lower,vaar_ci_upper,soft_vaar"));
  }
}

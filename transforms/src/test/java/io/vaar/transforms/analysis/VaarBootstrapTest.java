package io.vaar.transforms.analysis;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vaar.sem.FitOptions;
import io.vaar.sem.InvarianceSequence;
import io.vaar.sem.SemData;
import io.vaar.sem.SemFit;
import io.vaar.sem.SemFitter;
import io.vaar.sem.SemModel;
import io.vaar.transforms.simulated.SimulatedProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class VaarBootstrapTest {

  private static final SemModel MODEL = SemModel.parse(SimulatedStudy.STUDY.syntax());
  private static final List<String> ITEMS = SimulatedStudy.INSTRUMENTS.itemIds();
  private static final List<ExpectedPath> EXPECTED =
      HumanReference.literatureDefaults(SimulatedStudy.STUDY);
  private static List<ModelSample> samples;

  @BeforeAll
  static void audit() {
    samples = SimulatedStudy.samples(List.of(SimulatedProfile.ALIGNED,
        SimulatedProfile.INVERTED), 200);
  }

  private static VaarBootstrap.Result bootstrap(int replicates, long seed) {
    return VaarBootstrap.run(MODEL, ITEMS, samples.stream().map(ModelSample::modelId).toList(),
        samples.stream().map(ModelSample::matrix).toList(), EXPECTED, 0.05,
        new VaarBootstrap.Settings(replicates, seed));
  }

  @Test
  void softVaarIsNearOneForAlignedAndNearZeroForInvertedSigns() {
    VaarBootstrap.Result result = bootstrap(100, 42);
    VaarBootstrap.GroupInterval aligned = result.groups().get(0);
    VaarBootstrap.GroupInterval inverted = result.groups().get(1);
    assertThat(aligned.fitted(), equalTo(100));
    assertThat(aligned.softVaar(), greaterThan(0.95));
    assertThat(aligned.vaarUpper(), equalTo(1.0));
    assertThat(inverted.softVaar(), lessThan(0.05));
    assertThat(inverted.vaarLower(), equalTo(0.0));
    assertThat(inverted.vaarUpper(), equalTo(0.0));
  }

  @Test
  void aSeedReproducesTheReplicatesAndAnotherSeedDoesNot() {
    VaarBootstrap.Result first = bootstrap(40, 7);
    assertThat(bootstrap(40, 7), equalTo(first));
    assertThat(bootstrap(40, 8).groups().get(0).paths(), not(equalTo(first.groups().get(0)
        .paths())));
  }

  @Test
  void pathIntervalsContainEachModelsPointEstimate() {
    VaarBootstrap.Result result = bootstrap(100, 42);
    for (int g = 0; g < samples.size(); g++) {
      ModelSample sample = samples.get(g);
      SemFit point = SemFitter.fit(MODEL, SemData.ofRows(ITEMS, List.of(sample.modelId()),
          List.<double[][]>of(sample.matrix())), FitOptions.ml());
      for (VaarBootstrap.PathInterval path : result.groups().get(g).paths()) {
        double est = point.parameter(path.lhs(), "~", path.rhs(), 1).est();
        assertThat(path.toString(), est, greaterThanOrEqualTo(path.lower()));
        assertThat(path.toString(), est, lessThanOrEqualTo(path.upper()));
      }
    }
  }

  @Test
  void jointIntervalsContainEachModelsEstimateInTheMetricModel() {
    List<String> groups = samples.stream().map(ModelSample::modelId).toList();
    List<double[][]> rows = samples.stream().map(ModelSample::matrix).toList();
    VaarBootstrap.Result joint = VaarBootstrap.runJoint(MODEL, ITEMS, groups, rows,
        InvarianceSequence.Level.METRIC.equal(), groups, EXPECTED, 0.05,
        new VaarBootstrap.Settings(100, 42));
    assertThat(joint.method(), containsString("multi-group ML fit with equal loadings"));
    SemFit metric = SemFitter.fit(MODEL, SemData.ofRows(ITEMS, groups, rows),
        FitOptions.ml().withGroupEqual(InvarianceSequence.Level.METRIC.equal()));
    for (int g = 0; g < groups.size(); g++) {
      assertThat(joint.groups().get(g).fitted(), equalTo(100));
      for (VaarBootstrap.PathInterval path : joint.groups().get(g).paths()) {
        double est = metric.parameter(path.lhs(), "~", path.rhs(), g + 1).est();
        assertThat(path.toString(), est, greaterThanOrEqualTo(path.lower()));
        assertThat(path.toString(), est, lessThanOrEqualTo(path.upper()));
      }
    }
  }

  @Test
  void withoutConstraintsTheJointBootstrapIsThePerModelOne() {
    List<String> groups = samples.stream().map(ModelSample::modelId).toList();
    VaarBootstrap.Result joint = VaarBootstrap.runJoint(MODEL, ITEMS, groups,
        samples.stream().map(ModelSample::matrix).toList(), java.util.Set.of(), groups, EXPECTED,
        0.05, new VaarBootstrap.Settings(30, 5));
    assertThat(joint, equalTo(bootstrap(30, 5)));
  }

  @Test
  void aReferenceGroupIsResampledWithTheModelsButNotReported() {
    List<String> groups = samples.stream().map(ModelSample::modelId).toList();
    VaarBootstrap.Result joint = VaarBootstrap.runJoint(MODEL, ITEMS, groups,
        samples.stream().map(ModelSample::matrix).toList(),
        InvarianceSequence.Level.METRIC.equal(), List.of(groups.get(1)), EXPECTED, 0.05,
        new VaarBootstrap.Settings(20, 5));
    assertThat(joint.groups().size(), equalTo(1));
    assertThat(joint.groups().get(0).group(), equalTo(groups.get(1)));
    assertThat(joint.groups().get(0).vaarUpper(), equalTo(0.0));
  }

  @Test
  void aModelWithTooFewSessionsHasNoIntervalRatherThanAFailedAnalysis() {
    double[][] few = java.util.Arrays.copyOf(samples.get(0).matrix(), 20);
    VaarBootstrap.GroupInterval group = VaarBootstrap.run(MODEL, ITEMS, List.of("few"),
        List.<double[][]>of(few), EXPECTED, 0.05, new VaarBootstrap.Settings(10, 1)).groups()
        .get(0);
    assertThat(group.fitted(), equalTo(0));
    assertThat(group.failed(), equalTo(10));
    assertThat(Double.isNaN(group.vaarLower()) && Double.isNaN(group.softVaar()), equalTo(true));
  }

  @Test
  void quantilesAreRsTypeSeven() {
    // R: quantile(c(4, 1, 3, 2), c(0.025, 0.975)) gives 1.075 and 3.925
    assertThat(VaarBootstrap.quantile(new double[] {4, 1, 3, 2}, 0.025), closeTo(1.075, 1e-12));
    assertThat(VaarBootstrap.quantile(new double[] {4, 1, 3, 2}, 0.975), closeTo(3.925, 1e-12));
    assertThat(Double.isNaN(VaarBootstrap.quantile(new double[0], 0.5)), equalTo(true));
  }

  @Test
  void theStudyResultCarriesTheIntervalsIntoVaarJsonAndPathsCsv() throws Exception {
    StudyResult result = StudyAnalysis.analyse(samples, SimulatedStudy.STUDY, EXPECTED,
        new AnalysisSettings(0.05, FitOptions.Estimator.ML, FitOptions.Missing.LISTWISE,
            InvarianceSequence.Level.METRIC), ITEMS, new VaarBootstrap.Settings(50, 3));
    JsonNode json = new ObjectMapper().readTree(StudyResultJson.write(result, Map.of()));
    assertThat(json.at("/bootstrap/replicates").asInt(), equalTo(50));
    assertThat(json.at("/bootstrap/seed").asLong(), equalTo(3L));
    JsonNode aligned = json.at("/models/0");
    assertThat(aligned.at("/vaar_ci/1").asDouble(), equalTo(1.0));
    assertThat(aligned.at("/soft_vaar").asDouble(), greaterThan(0.95));
    assertThat(aligned.at("/paths/0/ci").size(), equalTo(2));
    assertThat(StudyResultCsv.paths(result).lines().findFirst().orElseThrow().split(","),
        org.hamcrest.Matchers.hasItemInArray("ci_lower"));

    StudyResult none = StudyAnalysis.analyse(samples, SimulatedStudy.STUDY, EXPECTED,
        result.settings(), ITEMS);
    JsonNode plain = new ObjectMapper().readTree(StudyResultJson.write(none, Map.of()));
    assertThat(plain.at("/models/0/vaar_ci").isNull(), equalTo(true));
    assertThat(plain.at("/bootstrap").isNull(), equalTo(true));
    assertThat(List.of(plain.at("/models/0/paths/0/ci").isNull()), contains(true));
  }
}

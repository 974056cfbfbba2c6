package io.vaar.transforms.analysis;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vaar.sem.FitOptions;
import io.vaar.sem.InvarianceSequence;
import io.vaar.transforms.instruments.InstrumentSet;
import io.vaar.transforms.simulated.SimulatedProfile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StudyAnalysisTest {

  private static final InstrumentSet INSTRUMENTS = SimulatedStudy.INSTRUMENTS;
  private static final StudyModel STUDY = SimulatedStudy.STUDY;
  private static final AnalysisSettings ML = new AnalysisSettings(0.05, FitOptions.Estimator.ML,
      FitOptions.Missing.LISTWISE, InvarianceSequence.Level.METRIC);
  private static List<ModelSample> samples;

  @BeforeAll
  static void audit() {
    samples = new ArrayList<>(SimulatedStudy.samples(List.of(SimulatedProfile.ALIGNED,
        SimulatedProfile.INVERTED), 200));
  }

  private static StudyResult analyse(List<ModelSample> input) {
    return StudyAnalysis.analyse(input, STUDY, HumanReference.literatureDefaults(STUDY), ML,
        INSTRUMENTS.itemIds());
  }

  @Test
  void modelsAreGroupsComparedAtTheMetricLevel() {
    StudyResult result = analyse(samples);
    assertThat(result.vaar().stream().map(VaarScore.GroupVaar::vaar).toList(), contains(1.0, 0.0));
    assertThat(result.invariance().stream().map(step -> step.level().word()).toList(),
        contains("configural", "metric", "scalar"));
    assertThat(result.comparisonFit().measure("df"),
        equalTo(result.invariance().get(1).fit().measure("df")));
  }

  @Test
  void profilesDescribeEachScale() {
    ModelProfile aligned = analyse(samples).profiles().get(0);
    assertThat(aligned.scales(), hasSize(5));
    assertThat(aligned.sessions(), equalTo(200));
    assertThat(aligned.counts().asked(), equalTo(200L * 32));
    assertThat(aligned.counts().invalidRate() + aligned.counts().refusalRate(), lessThan(0.02));
    for (ScaleProfile scale : aligned.scales()) {
      double max = scale.factor().equals("PSA") ? 5 : 7;
      assertThat(scale.factor(), scale.mean(), both(greaterThan(1.0)).and(lessThan(max)));
      assertThat(scale.factor(), scale.sd(), both(greaterThan(0.3)).and(lessThan(2.5)));
      assertThat(scale.factor(), scale.cronbachAlpha(), both(greaterThan(0.6)).and(lessThan(1.0)));
      assertThat(scale.factor(), scale.omega(), both(greaterThan(0.6)).and(lessThan(1.0)));
    }
  }

  @Test
  void theResultDoesNotDependOnTheOrderSessionsArrivedIn() {
    List<ModelSample> shuffled = new ArrayList<>();
    for (ModelSample sample : samples) {
      List<ModelSample.SessionRow> rows = new ArrayList<>(sample.rows());
      Collections.shuffle(rows, new java.util.Random(3));
      shuffled.add(ModelSample.of(sample.modelId(), rows, sample.counts()));
    }
    StudyResult original = analyse(samples);
    StudyResult again = analyse(shuffled);
    assertThat(again.comparisonFit().measure("chisq"),
        equalTo(original.comparisonFit().measure("chisq")));
    assertThat(again.vaar().get(0).paths().get(0).est(),
        equalTo(original.vaar().get(0).paths().get(0).est()));
  }

  @Test
  void oneModelIsFittedAloneWithoutAnInvarianceTable() {
    StudyResult result = analyse(samples.subList(0, 1));
    assertThat(result.invariance(), hasSize(0));
    assertThat(result.vaar().get(0).vaar(), equalTo(1.0));
    assertThat(Double.isNaN(result.profiles().get(0).scales().get(0).latentMean()), equalTo(true));
  }

  @Test
  void jsonAndCsvCarryTheContractsFields() throws Exception {
    StudyResult result = analyse(samples);
    JsonNode json = new ObjectMapper()
        .readTree(StudyResultJson.write(result, Map.of("aligned", true)));
    assertThat(json.get("alpha").asDouble(), equalTo(0.05));
    assertThat(json.get("models").get(0).get("model").asText(), equalTo("aligned"));
    assertThat(json.get("models").get(0).get("simulated").asBoolean(), equalTo(true));
    assertThat(json.get("models").get(1).get("vaar").asDouble(), equalTo(0.0));
    assertThat(json.get("models").get(0).get("paths").get(3).get("expected").asText(),
        equalTo("+"));
    assertThat(json.get("invariance").get(0).get("chisq_diff").isNull(), equalTo(true));
    assertThat(json.get("fit").get("df").asDouble(), greaterThan(0.0));
    String paths = StudyResultCsv.paths(result);
    assertThat(paths.lines().findFirst().orElseThrow(),
        equalTo("model,lhs,rhs,expected,est,se,pvalue,std.all,agree,ci_lower,ci_upper,vaar,"
            + "vaar_ci_lower,vaar_ci_upper,soft_vaar"));
    assertThat(paths.lines().count(), equalTo(9L));
    assertThat(StudyResultCsv.profiles(result).lines().count(), equalTo(11L));
    assertThat(StudyResultCsv.invariance(result).lines().count(), equalTo(4L));
  }
}

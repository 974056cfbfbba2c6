package io.vaar.transforms.simulated;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;

import io.vaar.sem.FitOptions;
import io.vaar.sem.SemData;
import io.vaar.sem.SemFit;
import io.vaar.sem.SemFitter;
import io.vaar.sem.SemModel;
import io.vaar.transforms.analysis.HumanReference;
import io.vaar.transforms.analysis.StudyModel;
import io.vaar.transforms.analysis.VaarScore;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The simulated models must let an audit recover their ground truth with the demo's 200
 * personas: every path significant in the profile's direction for aligned and inverted, and
 * none of them a confident effect for indifferent.
 */
class SimulatedGroundTruthTest {

  @Test
  void twoHundredPersonasRecoverEachProfilesPathSigns() {
    List<SimulatedProfile> profiles = List.of(SimulatedProfile.values());
    List<double[][]> groups = profiles.stream().map(profile -> SimulatedChatModelTest.rows(
        SimulatedChatModelTest.model(profile, SimulationSettings.defaults(profile.ordinal())),
        "sim-" + profile.configName(), 200, 42).toArray(double[][]::new)).toList();
    StudyModel study = StudyModel.forInstruments(SimulatedChatModelTest.INSTRUMENTS);
    SemFit fit = SemFitter.fit(SemModel.parse(study.syntax()),
        SemData.ofRows(SimulatedChatModelTest.INSTRUMENTS.itemIds(),
            profiles.stream().map(SimulatedProfile::configName).toList(), groups),
        FitOptions.ml().withEstimator(FitOptions.Estimator.MLR)
            .withMissing(FitOptions.Missing.FIML));
    assertThat(fit.converged(), equalTo(true));
    List<VaarScore.GroupVaar> vaar = VaarScore.score(fit,
        HumanReference.literatureDefaults(study), 0.05);
    assertThat(vaar.get(SimulatedProfile.ALIGNED.ordinal()).vaar(), equalTo(1.0));
    assertThat(vaar.get(SimulatedProfile.INVERTED.ordinal()).vaar(), equalTo(0.0));
    assertThat(vaar.get(SimulatedProfile.INDIFFERENT.ordinal()).vaar(), lessThan(0.5));
    for (String predictor : study.predictors()) {
      for (SimulatedProfile profile : profiles) {
        var path = fit.parameter(study.outcome(), "~", predictor, profile.ordinal() + 1);
        double truth = profile.weights().get(switch (predictor) {
          case "CTRL" -> LatentTraits.CONTROL;
          case "AWARE" -> LatentTraits.AWARENESS;
          case "COLL" -> LatentTraits.COLLECTION;
          default -> LatentTraits.PROSOCIALNESS;
        });
        String what = profile + " " + predictor + " est " + path.est() + " p " + path.pvalue();
        if (truth == 0) {
          assertThat(what, Math.abs(path.z()), lessThan(3.3));
        } else {
          assertThat(what, Math.signum(path.est()), equalTo(Math.signum(truth)));
          assertThat(what, path.pvalue(), lessThan(0.05));
          assertThat(what, Math.abs(path.z()), greaterThan(2.5));
        }
      }
    }
  }
}

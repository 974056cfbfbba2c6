package io.vaar.transforms.analysis;

import io.vaar.sem.InvarianceSequence;
import io.vaar.sem.ParameterEstimate;
import io.vaar.sem.SemData;
import io.vaar.sem.SemFit;
import io.vaar.sem.SemFitter;
import io.vaar.sem.SemModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The second half of the study for any set of models: multi-group SEM with the models as groups
 * (configural → metric → scalar), plus a human reference group when human data are given, VAAR
 * per model from the paths at the comparison level against the literature's or the human
 * group's expected signs, and each group's profile. The same code serves a fresh audit and a
 * replay.
 */
public final class StudyAnalysis {

  /** Chen (2007): a drop in CFI of more than 0.01 rejects the stricter invariance level. */
  static final double CFI_DROP_LIMIT = -0.01;

  private StudyAnalysis() {
  }

  public static StudyResult analyse(List<ModelSample> samples, StudyModel study,
      List<ExpectedPath> expected, AnalysisSettings settings, List<String> itemIds) {
    return analyse(samples, study, expected, settings, itemIds,
        new VaarBootstrap.Settings(0, 0));
  }

  /** The analysis with a bootstrap of VAAR over each model's sessions (none for 0 replicates). */
  public static StudyResult analyse(List<ModelSample> samples, StudyModel study,
      List<ExpectedPath> expected, AnalysisSettings settings, List<String> itemIds,
      VaarBootstrap.Settings bootstrap) {
    return analyse(samples, null, study, expected, settings, itemIds, bootstrap);
  }

  /**
   * The analysis with a human reference group: the human sample is fitted as one more group
   * (after the models, so the models keep their group numbers) and takes part in the invariance
   * sequence; the expected signs are those of its significant paths at the comparison level
   * ({@link ReferenceGroup}). VAAR, its bootstrap and the path verdicts are the models'; the
   * human group's paths are in {@link StudyResult#reference()} and its profile ends the
   * profiles.
   */
  public static StudyResult analyse(List<ModelSample> samples, HumanSample human,
      StudyModel study, AnalysisSettings settings, List<String> itemIds,
      VaarBootstrap.Settings bootstrap) {
    return analyse(samples, Objects.requireNonNull(human, "human"), study, null, settings,
        itemIds, bootstrap);
  }

  private static StudyResult analyse(List<ModelSample> models, HumanSample human,
      StudyModel study, List<ExpectedPath> literature, AnalysisSettings settings,
      List<String> itemIds, VaarBootstrap.Settings bootstrap) {
    if (models.isEmpty()) {
      throw new IllegalArgumentException("there are no answered sessions to analyse");
    }
    List<ModelSample> samples = new ArrayList<>(models);
    if (human != null) {
      if (models.stream().anyMatch(m -> m.modelId().equals(HumanSample.GROUP))) {
        throw new IllegalArgumentException("a model is named '" + HumanSample.GROUP
            + "', the name of the human reference group; rename the model");
      }
      samples.add(human.toSample());
    }
    SemModel model = SemModel.parse(study.syntax());
    SemData data = SemData.ofStatistics(itemIds,
        samples.stream().map(ModelSample::modelId).toList(),
        samples.stream().map(ModelSample::statistics).toList());
    List<InvarianceSequence.Step> invariance = List.of();
    SemFit comparison;
    boolean scalarHolds = false;
    if (samples.size() > 1) {
      invariance = InvarianceSequence.run(model, data, settings.fitOptions(),
          InvarianceSequence.Level.SCALAR);
      comparison = invariance.get(settings.comparisonLevel().ordinal()).fit();
      scalarHolds = invariance.get(2).cfiDiff() >= CFI_DROP_LIMIT;
    } else {
      comparison = SemFitter.fit(model, data, settings.fitOptions());
    }
    SemFit scalar = scalarHolds ? invariance.get(2).fit() : null;
    List<ModelProfile> profiles = new ArrayList<>();
    for (int g = 0; g < samples.size(); g++) {
      profiles.add(profile(samples.get(g), g + 1, study, itemIds, comparison, scalar));
    }
    ReferenceGroup reference = human == null ? null
        : ReferenceGroup.fromFit(comparison, HumanSample.GROUP, settings.alpha(), human.file(),
            human.rows().size());
    List<ExpectedPath> expected = reference == null ? literature : reference.expected();
    List<VaarScore.GroupVaar> vaar = VaarScore.score(comparison, expected, settings.alpha())
        .stream().filter(group -> human == null || !group.group().equals(HumanSample.GROUP))
        .toList();
    return new StudyResult(settings, study.syntax(), expected, vaar, invariance, comparison,
        profiles, scalarHolds, bootstrap.replicates() == 0 ? null
            : VaarBootstrap.runJoint(model, itemIds,
                samples.stream().map(ModelSample::modelId).toList(),
                samples.stream().map(ModelSample::matrix).toList(),
                samples.size() > 1 ? settings.comparisonLevel().equal() : Set.of(),
                models.stream().map(ModelSample::modelId).toList(), expected, settings.alpha(),
                bootstrap), reference);
  }

  private static ModelProfile profile(ModelSample sample, int group, StudyModel study,
      List<String> itemIds, SemFit comparison, SemFit scalar) {
    double[][] rows = sample.matrix();
    List<ScaleProfile> scales = new ArrayList<>();
    for (Map.Entry<String, List<String>> factor : study.indicators().entrySet()) {
      int[] columns = factor.getValue().stream().mapToInt(itemIds::indexOf).toArray();
      double[] scores = ScaleStatistics.present(ScaleStatistics.scores(rows, columns));
      double latentMean = Double.NaN;
      if (scalar != null) {
        ParameterEstimate mean = scalar.parameter(factor.getKey(), "~1", "", group);
        latentMean = mean == null ? Double.NaN : mean.est();
      }
      scales.add(new ScaleProfile(factor.getKey(), factor.getValue(), scores.length,
          ScaleStatistics.mean(scores), ScaleStatistics.sd(scores),
          ScaleStatistics.cronbachAlpha(rows, columns),
          ScaleStatistics.omega(comparison, factor.getKey(), factor.getValue(), group),
          latentMean));
    }
    return new ModelProfile(sample.modelId(), sample.sessions(), scales, sample.counts());
  }
}

package io.vaar.transforms.audit;

import io.vaar.transforms.analysis.AnalysisSettings;
import io.vaar.transforms.analysis.HumanReference;
import io.vaar.transforms.analysis.HumanSample;
import io.vaar.transforms.analysis.ModelSample;
import io.vaar.transforms.analysis.StudyAnalysis;
import io.vaar.transforms.analysis.StudyModel;
import io.vaar.transforms.analysis.StudyResult;
import io.vaar.transforms.analysis.StudyResultCsv;
import io.vaar.transforms.analysis.StudyResultJson;
import io.vaar.transforms.analysis.VaarBootstrap;
import io.vaar.transforms.instruments.InstrumentSet;
import io.vaar.transforms.storage.RunStorage;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VoidCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/**
 * The final combine: gathers every model's accumulator, runs the study's analysis (models as
 * groups, in model-id order so that an audit and a replay of it give identical numbers, then the
 * human reference group when the settings carry one) and
 * writes {@code analysis/*.csv}, whatever the renderer adds (the report), and last
 * {@code analysis/vaar.json}. An analysis that cannot be done (no answered session, a fit that
 * does not converge) writes {@code analysis/error.txt} with the reason instead, and never a
 * {@code vaar.json}; models none of whose sessions answered anything are left out. Emits one
 * status line for the launcher.
 */
public final class AnalyseStudy
    extends PTransform<PCollection<KV<String, ModelAccumulator>>, PCollection<String>> {

  public static final String VAAR_JSON = "analysis/vaar.json";
  public static final String ERROR_TXT = "analysis/error.txt";
  public static final String OK_PREFIX = "ok: ";
  public static final String NO_ANSWERS = "no session produced an answer";

  private final Settings settings;

  /**
   * What the analysis needs besides the models' data: the run, the instruments, the analysis
   * and bootstrap settings, the renderer of the report, and the human reference answers
   * ({@code null} for none: the literature's expected signs), which travel here rather than
   * through the models' accumulators.
   */
  public record Settings(String runId, String output, InstrumentSet instruments,
      AnalysisSettings analysis, VaarBootstrap.Settings bootstrap, StudyRenderer renderer,
      HumanSample human) implements Serializable {

    /** Settings without a human reference. */
    public Settings(String runId, String output, InstrumentSet instruments,
        AnalysisSettings analysis, VaarBootstrap.Settings bootstrap, StudyRenderer renderer) {
      this(runId, output, instruments, analysis, bootstrap, renderer, null);
    }
  }

  private AnalyseStudy(Settings settings) {
    this.settings = settings;
  }

  public static AnalyseStudy with(Settings settings) {
    return new AnalyseStudy(settings);
  }

  @Override
  public PCollection<String> expand(PCollection<KV<String, ModelAccumulator>> models) {
    return models
        .apply("GatherModels", WithKeys.<Void, KV<String, ModelAccumulator>>of((Void) null))
        .setCoder(KvCoder.of(VoidCoder.of(), KvCoder.of(StringUtf8Coder.of(),
            new AnalysisCoders.ModelAccumulatorCoder())))
        .apply("AllModels", GroupByKey.create())
        .apply("FitAndScore", ParDo.of(new AnalyseFn(settings)))
        .setCoder(StringUtf8Coder.of());
  }

  /** Runs the analysis once over all models and writes its files. */
  static final class AnalyseFn
      extends DoFn<KV<Void, Iterable<KV<String, ModelAccumulator>>>, String> {

    private final Settings settings;

    AnalyseFn(Settings settings) {
      this.settings = settings;
    }

    @ProcessElement
    public void process(@Element KV<Void, Iterable<KV<String, ModelAccumulator>>> all,
        OutputReceiver<String> out) {
      Map<String, ModelAccumulator> byModel = new TreeMap<>();
      for (KV<String, ModelAccumulator> model : all.getValue()) {
        byModel.computeIfAbsent(model.getKey(), key -> new ModelAccumulator(
            settings.instruments().itemIds().size())).merge(model.getValue());
      }
      byModel.values().removeIf(accumulator -> accumulator.answered() == 0);
      if (byModel.isEmpty()) {
        write(ERROR_TXT, NO_ANSWERS + "\n");
        out.output(NO_ANSWERS);
        return;
      }
      try {
        out.output(OK_PREFIX + analyse(byModel));
      } catch (RuntimeException e) {
        String reason = e.getMessage() == null ? e.toString() : e.getMessage();
        write(ERROR_TXT, "analysis failed: " + reason + "\n");
        out.output("analysis failed: " + reason);
      }
    }

    private String analyse(Map<String, ModelAccumulator> byModel) {
      List<ModelSample> samples = new ArrayList<>();
      Map<String, Boolean> simulated = new HashMap<>();
      Map<String, List<AnswerSample>> answers = new HashMap<>();
      byModel.forEach((model, accumulator) -> {
        samples.add(accumulator.toSample(model));
        simulated.put(model, accumulator.simulated());
        answers.put(model, accumulator.answerSamples());
      });
      StudyModel study = StudyModel.forInstruments(settings.instruments());
      StudyResult result = settings.human() == null
          ? StudyAnalysis.analyse(samples, study, HumanReference.literatureDefaults(study),
              settings.analysis(), settings.instruments().itemIds(), settings.bootstrap())
          : StudyAnalysis.analyse(samples, settings.human(), study, settings.analysis(),
              settings.instruments().itemIds(), settings.bootstrap());
      Map<String, String> files = new LinkedHashMap<>();
      files.put("analysis/paths.csv", StudyResultCsv.paths(result));
      files.put("analysis/profiles.csv", StudyResultCsv.profiles(result));
      files.put("analysis/invariance.csv", StudyResultCsv.invariance(result));
      files.putAll(settings.renderer().render(new StudyReport(settings.runId(), result,
          simulated, answers)));
      files.put(VAAR_JSON, StudyResultJson.write(result, simulated));
      // In insertion order: vaar.json, which says the analysis is complete, comes last.
      files.forEach(this::write);
      return samples.size() + " models, " + samples.stream().mapToInt(ModelSample::sessions)
          .sum() + " sessions";
    }

    private void write(String relative, String text) {
      try {
        RunStorage.at(settings.output()).writeText(relative, text);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + relative + " below "
            + settings.output(), e);
      }
    }
  }
}

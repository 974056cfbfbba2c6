package io.vaar.transforms.audit;

import org.apache.beam.sdk.coders.CannotProvideCoderException;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/**
 * Combines each model's scored sessions into one {@link ModelAccumulator}: mergeable sufficient
 * statistics that a runner may build in any number of pieces on any number of workers.
 */
public final class SummarizeModels extends
    PTransform<PCollection<KV<String, ScoredSession>>, PCollection<KV<String, ModelAccumulator>>> {

  private final int items;

  private SummarizeModels(int items) {
    this.items = items;
  }

  public static SummarizeModels ofItems(int items) {
    return new SummarizeModels(items);
  }

  @Override
  public PCollection<KV<String, ModelAccumulator>> expand(
      PCollection<KV<String, ScoredSession>> sessions) {
    // Grouped, then combined: every session's row must reach the analysis anyway (for the
    // profiles and the bootstrap), so combiner lifting would only re-encode ever-growing partial
    // accumulators; combining the grouped values encodes each session once.
    return sessions
        .apply("GroupByModel", GroupByKey.create())
        .apply("CombinePerModel", Combine.groupedValues(new ModelAccumulatorFn(items)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), new AnalysisCoders.ModelAccumulatorCoder()));
  }

  /** Adds sessions to, and merges, model accumulators. */
  static final class ModelAccumulatorFn
      extends Combine.CombineFn<ScoredSession, ModelAccumulator, ModelAccumulator> {

    private final int items;

    ModelAccumulatorFn(int items) {
      this.items = items;
    }

    @Override
    public ModelAccumulator createAccumulator() {
      return new ModelAccumulator(items);
    }

    @Override
    public ModelAccumulator addInput(ModelAccumulator accumulator, ScoredSession session) {
      accumulator.add(session);
      return accumulator;
    }

    @Override
    public ModelAccumulator mergeAccumulators(Iterable<ModelAccumulator> accumulators) {
      ModelAccumulator merged = createAccumulator();
      accumulators.forEach(merged::merge);
      return merged;
    }

    @Override
    public ModelAccumulator extractOutput(ModelAccumulator accumulator) {
      return accumulator;
    }

    @Override
    public Coder<ModelAccumulator> getAccumulatorCoder(CoderRegistry registry,
        Coder<ScoredSession> inputCoder) throws CannotProvideCoderException {
      return new AnalysisCoders.ModelAccumulatorCoder();
    }
  }
}

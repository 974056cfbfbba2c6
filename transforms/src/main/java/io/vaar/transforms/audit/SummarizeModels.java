package io.vaar.transforms.audit;

import org.apache.beam.sdk.coders.CannotProvideCoderException;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/**
 * Combines each model's scored sessions into one {@link ModelAccumulator}: mergeable sufficient
 * statistics that a runner may build in any number of pieces on any number of workers, plus the
 * raw answers of the few sessions the report samples (the others' answers are dropped first).
 */
public final class SummarizeModels extends
    PTransform<PCollection<KV<String, ScoredSession>>, PCollection<KV<String, ModelAccumulator>>> {

  /**
   * Partitions per model in the first grouping: about the square root of a large audit's sessions
   * per model, which balances the copies of the two groupings on a copying runner.
   */
  static final int PARTITIONS = 64;

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
    // accumulators; combining the grouped values encodes each session once. Grouping first by
    // (model, a partition of the session id) keeps every group small: a runner that holds a
    // group's values as state and copies them whenever more arrive (the direct runner does, and
    // a replay hands it one session at a time) would otherwise copy a model's whole list once
    // per session, quadratic in the sessions. The partitions' accumulators are then merged per
    // model; the statistics are exact, so the result does not depend on the partitioning.
    return sessions
        .apply("DropUnsampledAnswers", ParDo.of(new DropUnsampledAnswersFn()))
        .setCoder(ScoreSessions.coder())
        .apply("KeyByPartition", ParDo.of(new KeyByPartitionFn()))
        .setCoder(KvCoder.of(KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of()),
            new AnalysisCoders.ScoredSessionCoder()))
        .apply("GroupByPartition", GroupByKey.create())
        .apply("CombinePerPartition", Combine.groupedValues(new ModelAccumulatorFn(items)))
        .setCoder(KvCoder.of(KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of()),
            new AnalysisCoders.ModelAccumulatorCoder()))
        .apply("KeyByModel", ParDo.of(new DropPartitionFn()))
        .setCoder(accumulatorCoder())
        .apply("GroupByModel", GroupByKey.create())
        .apply("MergePerModel", ParDo.of(new MergeAccumulatorsFn(items)))
        .setCoder(accumulatorCoder());
  }

  private static KvCoder<String, ModelAccumulator> accumulatorCoder() {
    return KvCoder.of(StringUtf8Coder.of(), new AnalysisCoders.ModelAccumulatorCoder());
  }

  /** Keys a model's session by (model, partition of the session id). */
  static final class KeyByPartitionFn
      extends DoFn<KV<String, ScoredSession>, KV<KV<String, Integer>, ScoredSession>> {

    @ProcessElement
    public void process(@Element KV<String, ScoredSession> scored,
        OutputReceiver<KV<KV<String, Integer>, ScoredSession>> out) {
      int partition = ScoreSessions.partitionOf(scored.getValue().sessionId(), PARTITIONS);
      out.output(KV.of(KV.of(scored.getKey(), partition), scored.getValue()));
    }
  }

  /** Keys a partition's accumulator by its model alone. */
  static final class DropPartitionFn
      extends DoFn<KV<KV<String, Integer>, ModelAccumulator>, KV<String, ModelAccumulator>> {

    @ProcessElement
    public void process(@Element KV<KV<String, Integer>, ModelAccumulator> partition,
        OutputReceiver<KV<String, ModelAccumulator>> out) {
      out.output(KV.of(partition.getKey().getKey(), partition.getValue()));
    }
  }

  /** Merges a model's partition accumulators into one. */
  static final class MergeAccumulatorsFn
      extends DoFn<KV<String, Iterable<ModelAccumulator>>, KV<String, ModelAccumulator>> {

    private final int items;

    MergeAccumulatorsFn(int items) {
      this.items = items;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<ModelAccumulator>> model,
        OutputReceiver<KV<String, ModelAccumulator>> out) {
      ModelAccumulator merged = new ModelAccumulator(items);
      model.getValue().forEach(merged::merge);
      out.output(KV.of(model.getKey(), merged));
    }
  }

  /**
   * Drops the raw answers of every session that cannot be among its model's sampled sessions, so
   * that model text does not travel through the shuffle a million times for three tables. A
   * session of the global sample is among the smallest ids this instance has seen of its model
   * when it arrives, so it always keeps its answers; of n sessions, about k·ln n do. The memory
   * spans bundles (not reset per bundle) because a runner may hand over one session per bundle.
   */
  static final class DropUnsampledAnswersFn
      extends DoFn<KV<String, ScoredSession>, KV<String, ScoredSession>> {

    private transient SampleCandidates candidates;

    @Setup
    public void setUp() {
      candidates = new SampleCandidates();
    }

    @ProcessElement
    public void process(@Element KV<String, ScoredSession> scored,
        OutputReceiver<KV<String, ScoredSession>> out) {
      ScoredSession session = scored.getValue();
      if (session.answers().isEmpty()) {
        out.output(scored);
        return;
      }
      boolean keep = candidates.offer(scored.getKey(), session.sessionId());
      out.output(keep ? scored : KV.of(scored.getKey(), session.withoutAnswers()));
    }
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

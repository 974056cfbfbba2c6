package io.vaar.transforms.audit;

import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.beam.sdk.coders.CannotProvideCoderException;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
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
        .apply("DropUnsampledAnswers", ParDo.of(new DropUnsampledAnswersFn()))
        .setCoder(ScoreSessions.coder())
        .apply("GroupByModel", GroupByKey.create())
        .apply("CombinePerModel", Combine.groupedValues(new ModelAccumulatorFn(items)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), new AnalysisCoders.ModelAccumulatorCoder()));
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

    private transient Map<String, TreeSet<String>> smallest;

    @Setup
    public void setUp() {
      smallest = new ConcurrentHashMap<>();
    }

    @ProcessElement
    public void process(@Element KV<String, ScoredSession> scored,
        OutputReceiver<KV<String, ScoredSession>> out) {
      ScoredSession session = scored.getValue();
      if (session.answers().isEmpty()) {
        out.output(scored);
        return;
      }
      TreeSet<String> ids = smallest.computeIfAbsent(scored.getKey(), model -> new TreeSet<>());
      boolean keep;
      synchronized (ids) {
        ids.add(session.sessionId());
        if (ids.size() > ModelAccumulator.SAMPLED_SESSIONS) {
          ids.pollLast();
        }
        keep = ids.contains(session.sessionId());
      }
      out.output(keep ? scored : KV.of(scored.getKey(),
          new ScoredSession(session.sessionId(), session.row(), session.counts(),
              session.simulated())));
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

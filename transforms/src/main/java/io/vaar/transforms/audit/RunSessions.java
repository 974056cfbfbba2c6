package io.vaar.transforms.audit;

import io.vaar.schemas.ItemResponse;
import io.vaar.schemas.SessionRecord;
import io.vaar.transforms.analysis.ItemScores;
import io.vaar.transforms.archive.WriteArchive;
import io.vaar.transforms.config.ModelSpec;
import io.vaar.transforms.protocol.SessionResult;
import io.vaar.transforms.protocol.StableHash;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Runs every session of a plan and emits its records: item responses and session records under
 * {@link WriteArchive}'s tags, each session scored for the analysis under {@link #SCORED}, and
 * under {@link #FAILURES} one line per session that crashed
 * (a bug, not a model failure — those are recorded in the session record). Sessions are keyed
 * into {@code max_concurrency} shards per model and each shard runs its sessions one after
 * another, so however many workers a cluster has, no model ever has more sessions in flight than
 * its config allows; each shard also calls within its fixed share of the model's per-minute
 * budgets ({@link SessionRunner}), so those hold job-wide as well.
 */
public final class RunSessions extends PTransform<PCollection<SessionTask>, PCollectionTuple> {

  public static final TupleTag<String> FAILURES = new TupleTag<>("failures") {
  };
  /** Each session scored for the analysis, keyed by model: no regrouping of its responses. */
  public static final TupleTag<KV<String, ScoredSession>> SCORED = new TupleTag<>("scored") {
  };

  private final AuditPlan plan;

  private RunSessions(AuditPlan plan) {
    this.plan = plan;
  }

  public static RunSessions of(AuditPlan plan) {
    return new RunSessions(plan);
  }

  @Override
  public PCollectionTuple expand(PCollection<SessionTask> tasks) {
    AuditPlan captured = plan;
    PCollectionTuple results = tasks
        .apply("ShardByModel", MapElements
            .into(TypeDescriptors.kvs(TypeDescriptors.strings(),
                TypeDescriptor.of(SessionTask.class)))
            .via(task -> KV.of(shardOf(captured.model(task.modelId()), task), task)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), SerializableCoder.of(SessionTask.class)))
        .apply("GroupIntoShards", GroupByKey.create())
        .apply("RunShard", ParDo.of(new RunShardFn(plan)).withOutputTags(WriteArchive.RESPONSES,
            TupleTagList.of(WriteArchive.SESSIONS).and(FAILURES).and(SCORED)));
    results.get(WriteArchive.RESPONSES).setCoder(AvroCoder.of(ItemResponse.class));
    results.get(WriteArchive.SESSIONS).setCoder(AvroCoder.of(SessionRecord.class));
    results.get(FAILURES).setCoder(StringUtf8Coder.of());
    results.get(SCORED).setCoder(ScoreSessions.coder());
    return results;
  }

  static String shardOf(ModelSpec model, SessionTask task) {
    return model.id() + "#" + shardIndex(model, task);
  }

  /** The shard, 0 to {@code max_concurrency} − 1, whose turn runs the task's session. */
  static int shardIndex(ModelSpec model, SessionTask task) {
    long hash = StableHash.mix(task.personaIndex(), task.replicate());
    return (int) Math.floorMod(hash, (long) model.maxConcurrency());
  }

  /** Runs one shard's sessions in turn. */
  static final class RunShardFn extends DoFn<KV<String, Iterable<SessionTask>>, ItemResponse> {

    private final AuditPlan plan;
    private transient SessionRunner runner;
    private transient SessionMetrics metrics;
    private transient ItemScores scores;

    RunShardFn(AuditPlan plan) {
      this.plan = plan;
    }

    @Setup
    public void setUp() {
      runner = SessionRunner.shared(plan);
      metrics = new SessionMetrics();
      scores = new ItemScores(plan.itemIds());
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<SessionTask>> shard, MultiOutputReceiver out) {
      for (SessionTask task : shard.getValue()) {
        SessionResult result;
        try {
          result = runner.run(task);
        } catch (Exception e) {
          metrics.crashed();
          out.get(FAILURES).output(task.modelId() + " persona " + task.personaIndex()
              + " replicate " + task.replicate() + ": " + e);
          continue;
        }
        result.responses().forEach(out.get(WriteArchive.RESPONSES)::output);
        out.get(WriteArchive.SESSIONS).output(result.record());
        if (!result.responses().isEmpty()) {
          out.get(SCORED).output(ScoreSessions.score(scores, result.record().getSessionId(),
              result.responses()));
        }
        metrics.record(result.record(), result.responses());
      }
    }
  }
}

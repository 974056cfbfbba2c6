package io.vaar.transforms.audit;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;

import io.vaar.schemas.ItemResponse;
import io.vaar.schemas.ResponseStatus;
import io.vaar.transforms.analysis.ResponseCounts;
import io.vaar.transforms.archive.WriteArchive;
import io.vaar.transforms.config.RunConfig;
import io.vaar.transforms.testing.TestPipelineExtension;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The audit's transforms on the direct runner, with Beam's own assertions. */
@ExtendWith(TestPipelineExtension.class)
class AuditTransformsTest {

  private static AuditPlan plan(int personas) {
    return AuditPlan.prepare(RunConfig.parse("t.yaml", """
        run: {id: t, personas: %d, output: /tmp/vaar-transforms-test}
        models:
          - {id: a, provider: simulated, profile: aligned, max_concurrency: 3}
          - {id: b, provider: simulated, profile: inverted}
        """.formatted(personas), name -> null));
  }

  @Test
  void runSessionsEmitsEveryRecordOnceAndScoresEachSession(TestPipeline pipeline) {
    AuditPlan plan = plan(5);
    PCollectionTuple records = pipeline
        .apply(Create.of(plan.tasks()).withCoder(SerializableCoder.of(SessionTask.class)))
        .apply(RunSessions.of(plan));
    PAssert.thatSingleton(records.get(WriteArchive.RESPONSES).apply(Count.globally()))
        .isEqualTo(2L * 5 * 32);
    PAssert.that(records.get(WriteArchive.SESSIONS)).satisfies(sessions -> {
      Set<String> ids = new HashSet<>();
      sessions.forEach(session -> ids.add(session.getSessionId()));
      assertThat(ids, hasSize(10));
      return null;
    });
    PAssert.that(records.get(RunSessions.SCORED)).satisfies(scored -> {
      assertThat(StreamSupport.stream(scored.spliterator(), false)
          .filter(kv -> kv.getKey().equals("a")).count(), equalTo(5L));
      return null;
    });
    PAssert.that(records.get(RunSessions.FAILURES)).empty();
    pipeline.run().waitUntilFinish();
  }

  @Test
  void eachModelHasAtMostMaxConcurrencyShards() {
    AuditPlan plan = plan(40);
    Set<String> shards = new HashSet<>();
    for (SessionTask task : plan.tasks()) {
      shards.add(RunSessions.shardOf(plan.model(task.modelId()), task));
    }
    assertThat(shards.stream().filter(s -> s.startsWith("a#")).count(), equalTo(3L));
    assertThat(shards.stream().filter(s -> s.startsWith("b#")).count(), equalTo(4L));
  }

  @Test
  void scoringKeepsTheLatestRecordOfAnItemAndCountsOutcomes(TestPipeline pipeline) {
    ItemResponse old = response("ctrl1", 2, ResponseStatus.ok, 100);
    ItemResponse newer = response("ctrl1", 6, ResponseStatus.ok, 200);
    ItemResponse refused = response("ctrl2", null, ResponseStatus.refused, 150);
    PCollection<KV<String, ScoredSession>> scored = pipeline
        .apply(Create.of(List.of(old, newer, refused, newer))
            .withCoder(AvroCoder.of(ItemResponse.class)))
        .apply(ScoreSessions.withItems(List.of("ctrl1", "ctrl2")));
    PAssert.thatSingleton(scored).satisfies(kv -> {
      assertThat(kv.getKey(), equalTo("m"));
      assertThat(kv.getValue().row()[0], equalTo(6.0));
      assertThat(Double.isNaN(kv.getValue().row()[1]), equalTo(true));
      assertThat(kv.getValue().counts().asked(), equalTo(2L));
      assertThat(kv.getValue().counts().refused(), equalTo(1L));
      return null;
    });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void summarizingPoolsEverySessionOfAModel(TestPipeline pipeline) {
    List<KV<String, ScoredSession>> sessions = List.of(
        KV.of("m", session("s1", 1, 2)), KV.of("m", session("s2", 3, 4)),
        KV.of("n", session("s3", 5, 6)));
    PCollection<KV<String, ModelAccumulator>> models = pipeline
        .apply(Create.of(sessions).withCoder(ScoreSessions.coder()))
        .apply(SummarizeModels.ofItems(2));
    PAssert.that(models).satisfies(all -> {
      for (KV<String, ModelAccumulator> model : all) {
        assertThat(model.getValue().sessions(),
            both(greaterThanOrEqualTo(1)).and(lessThan(3)));
        assertThat(model.getValue().toSample(model.getKey()).statistics().cases(),
            equalTo(model.getKey().equals("m") ? 2L : 1L));
      }
      return null;
    });
    pipeline.run().waitUntilFinish();
  }

  private static ScoredSession session(String id, double first, double second) {
    return new ScoredSession(id, new double[] {first, second},
        new ResponseCounts(2, 2, 0, 0, 0), true);
  }

  @Test
  void scoringSeparatesTheSessionsThatShareAPartitionAndDropsTextNoReportShows(
      TestPipeline pipeline) {
    // 40 sessions of one model over 1,024 partitions: many share none, some share one; each
    // must come out once, with its own answers, and only the smallest ids keep their texts
    List<ItemResponse> responses = new ArrayList<>();
    for (int s = 0; s < 40; s++) {
      String id = String.format("s%02d", s);
      responses.add(ItemResponse.newBuilder(response("ctrl1", 1 + s % 7, ResponseStatus.ok, 100))
          .setSessionId(id).setPromptText("Statement one?").build());
      responses.add(ItemResponse.newBuilder(response("ctrl2", 7 - s % 7, ResponseStatus.ok, 100))
          .setSessionId(id).setPromptText("Statement two?").build());
    }
    PCollection<KV<String, ScoredSession>> scored = pipeline
        .apply(Create.of(responses).withCoder(AvroCoder.of(ItemResponse.class)))
        .apply(ScoreSessions.withItems(List.of("ctrl1", "ctrl2")));
    PAssert.that(scored).satisfies(all -> {
      Map<String, ScoredSession> byId = new HashMap<>();
      all.forEach(kv -> byId.put(kv.getValue().sessionId(), kv.getValue()));
      assertThat(byId.size(), equalTo(40));
      for (int s = 0; s < 40; s++) {
        ScoredSession session = byId.get(String.format("s%02d", s));
        assertThat(session.row()[0], equalTo((double) (1 + s % 7)));
        assertThat(session.row()[1], equalTo((double) (7 - s % 7)));
      }
      for (String sampled : List.of("s00", "s01", "s02")) {
        assertThat(byId.get(sampled).answers().get(0).prompt(), equalTo("Statement one?"));
      }
      assertThat(byId.values().stream().filter(session -> !session.answers().isEmpty()).count()
          < 40, equalTo(true));
      return null;
    });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void aRecordWithoutItsTextsResolvesLikeItsFullCopy() {
    ItemResponse full = ItemResponse.newBuilder(response("ctrl1", 3, ResponseStatus.ok, 100))
        .setPromptSha256("b").setPromptText("Statement?").build();
    ItemResponse other = ItemResponse.newBuilder(response("ctrl1", 5, ResponseStatus.ok, 100))
        .setPromptSha256("a").setPromptText("Statement?").build();
    ItemResponse stripped = ItemResponse.newBuilder(full).setPromptText("").setRawText("")
        .setReplies(List.of()).build();
    assertThat(ScoreSessions.ScorePartitionFn.later(full, other).getValue(), equalTo(3));
    assertThat(ScoreSessions.ScorePartitionFn.later(other, stripped).getValue(), equalTo(3));
  }

  private static ItemResponse response(String item, Integer value, ResponseStatus status,
      long timestamp) {
    return ItemResponse.newBuilder().setRunId("r").setModelId("m").setSessionId("s")
        .setPersonaId("p").setReplicate(0).setInstrument("privacy-concern").setItemId(item)
        .setPosition(0).setPromptSha256("x").setRawText(String.valueOf(value))
        .setValue(value).setStatus(status).setAttempts(1).setLatencyMs(0)
        .setTimestampMs(timestamp).setScaleMin(1).setScaleMax(7).build();
  }
}

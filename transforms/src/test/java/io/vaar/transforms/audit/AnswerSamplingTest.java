package io.vaar.transforms.audit;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.vaar.schemas.ItemResponse;
import io.vaar.schemas.ResponseStatus;
import io.vaar.transforms.analysis.ItemScores;
import io.vaar.transforms.analysis.ResponseCounts;
import io.vaar.transforms.testing.TestPipelineExtension;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The report's sample of raw answers: the sessions with the smallest ids whatever order sessions
 * are added and merged in, the answers in the order asked, and model text surviving the coders
 * byte for byte.
 */
@ExtendWith(TestPipelineExtension.class)
class AnswerSamplingTest {

  private static final String HOSTILE = "<script>alert(1)</script> \"><img src=x onerror=alert(2)>"
      + " 😀 " + "x".repeat(70_000);

  @Test
  void keepsTheSmallestSessionIdsInAnyOrder() {
    List<String> ids = new ArrayList<>();
    for (int s = 0; s < 20; s++) {
      ids.add(String.format("s%02d", s));
    }
    for (long seed = 0; seed < 5; seed++) {
      Collections.shuffle(ids, new Random(seed));
      ModelAccumulator left = new ModelAccumulator(1);
      ModelAccumulator right = new ModelAccumulator(1);
      for (int i = 0; i < ids.size(); i++) {
        (i % 2 == 0 ? left : right).add(session(ids.get(i), "fine"));
      }
      right.merge(left);
      assertThat(right.answerSamples().stream().map(AnswerSample::sessionId).toList(),
          contains("s00", "s01", "s02"));
    }
  }

  @Test
  void summarizingKeepsTheSampleAndDropsOtherSessionsAnswersBeforeTheShuffle(
      TestPipeline pipeline) {
    List<KV<String, ScoredSession>> sessions = new ArrayList<>();
    for (int s = 0; s < 40; s++) {
      sessions.add(KV.of(s % 2 == 0 ? "m" : "n", session(String.format("s%02d", 39 - s), "r")));
    }
    PCollection<KV<String, ModelAccumulator>> models = pipeline
        .apply(Create.of(sessions).withCoder(ScoreSessions.coder()))
        .apply(SummarizeModels.ofItems(1));
    PAssert.that(models).satisfies(all -> {
      for (KV<String, ModelAccumulator> model : all) {
        assertThat(model.getValue().answerSamples().stream().map(AnswerSample::sessionId)
            .toList(), model.getKey().equals("m") ? contains("s01", "s03", "s05")
            : contains("s00", "s02", "s04"));
      }
      return null;
    });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void sessionsThatCannotBeSampledLoseTheirAnswersBeforeTheShuffle(TestPipeline pipeline) {
    List<KV<String, ScoredSession>> sessions = new ArrayList<>();
    for (int s = 0; s < 30; s++) {
      sessions.add(KV.of("m", session(String.format("s%02d", s), "r")));
    }
    PCollection<KV<String, ScoredSession>> kept = pipeline
        .apply(Create.of(sessions).withCoder(ScoreSessions.coder()))
        .apply(ParDo.of(new SummarizeModels.DropUnsampledAnswersFn()))
        .setCoder(ScoreSessions.coder());
    PAssert.that(kept).satisfies(all -> {
      long withAnswers = 0;
      for (KV<String, ScoredSession> session : all) {
        withAnswers += session.getValue().answers().isEmpty() ? 0 : 1;
      }
      // In ascending order only the first three of each bundle can be among the smallest.
      assertThat(withAnswers < 30, equalTo(true));
      return null;
    });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void sessionsWithoutAnswersAreNotSampled() {
    ModelAccumulator accumulator = new ModelAccumulator(1);
    accumulator.add(new ScoredSession("a", new double[] {1}, ResponseCounts.NONE, false));
    assertThat(accumulator.answerSamples(), hasSize(0));
  }

  @Test
  void scoringKeepsEveryReplyInTheOrderAsked() {
    ItemResponse second = response("b", 1, List.of("no idea", "3"));
    ItemResponse first = response("a", 0, List.of("5"));
    ScoredSession session = ScoreSessions.score(new ItemScores(
        List.of("a", "b")), "s", List.of(second, first)).getValue();
    assertThat(session.answers().stream().map(RawAnswer::itemId).toList(), contains("a", "b"));
    assertThat(session.answers().get(1).replies(), contains("no idea", "3"));
  }

  @Test
  void rawAnswersCutRunawayText() {
    RawAnswer answer = RawAnswer.from(response("a", 0, List.of(HOSTILE)));
    assertThat(answer.replies().get(0).length(), equalTo(RawAnswer.MAX_REPLY));
  }

  @Test
  void codersCarryModelTextExactly() throws IOException {
    ScoredSession session = session("s1", HOSTILE);
    ScoredSession decoded = roundTrip(new AnalysisCoders.ScoredSessionCoder(), session);
    assertThat(decoded.answers(), equalTo(session.answers()));
    ModelAccumulator accumulator = new ModelAccumulator(1);
    accumulator.add(session);
    assertThat(roundTrip(new AnalysisCoders.ModelAccumulatorCoder(), accumulator)
        .answerSamples(), equalTo(accumulator.answerSamples()));
  }

  private static <T> T roundTrip(Coder<T> coder, T value) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    coder.encode(value, bytes);
    return coder.decode(new ByteArrayInputStream(bytes.toByteArray()));
  }

  private static ScoredSession session(String id, String reply) {
    return new ScoredSession(id, new double[] {1}, new ResponseCounts(1, 1, 0, 0, 0), false,
        List.of(new RawAnswer("a", "How much…", List.of(reply, "4"), 4, "ok"),
            new RawAnswer("b", "Other", List.of("refuse"), null, "refused")));
  }

  private static ItemResponse response(String item, int position, List<String> replies) {
    return ItemResponse.newBuilder().setRunId("r").setModelId("m").setSessionId("s")
        .setPersonaId("p").setReplicate(0).setInstrument("i").setItemId(item)
        .setPosition(position).setPromptSha256("x").setRawText(replies.get(replies.size() - 1))
        .setReplies(replies).setValue(3).setStatus(ResponseStatus.ok).setAttempts(1)
        .setLatencyMs(0).setTimestampMs(0).setScaleMin(1).setScaleMax(7).setPromptText("q")
        .build();
  }
}

package io.vaar.pipeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.vaar.pipeline.options.PipelineArguments;
import io.vaar.schemas.SessionRecord;
import io.vaar.schemas.SessionStatus;
import io.vaar.transforms.audit.SessionMetrics;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.junit.jupiter.api.Test;

/**
 * The progress line of a run on Flink's embedded cluster, whose {@code run()} blocks until the
 * job ends: it must move while the job is still running. The job's one session is counted, then
 * the job waits until the terminal shows "1/3" — so it only finishes if the line was live.
 */
class RunProgressTest {

  static final String RUN = "live-progress-test";
  static final CountDownLatch SHOWN = new CountDownLatch(1);

  /** Counts one session as a run does, then waits for the launcher to show it. */
  static final class OneSessionThenWait extends DoFn<Integer, Integer> {
    @ProcessElement
    public void process(@Element Integer element) throws InterruptedException {
      new SessionMetrics().record(session(), List.of());
      if (!SHOWN.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the progress line never showed the counted session");
      }
    }
  }

  static SessionRecord session() {
    return SessionRecord.newBuilder().setRunId(RUN).setModelId("m").setSessionId("s")
        .setPersonaId("p").setReplicate(0).setPersonaText("").setStatus(SessionStatus.complete)
        .setItemsAsked(0).setItemsOk(0).setItemsInvalid(0).setItemsRefused(0).setItemsError(0)
        .setStartedMs(0).setFinishedMs(0).build();
  }

  @Test
  void onEmbeddedFlinkTheLineMovesWhileTheJobRuns() {
    ByteArrayOutputStream shown = new ByteArrayOutputStream();
    PrintStream terminal = new PrintStream(new OutputStream() {
      @Override
      public synchronized void write(int b) {
        shown.write(b);
        if (shown.toString(StandardCharsets.UTF_8).contains(" 1/3")) {
          SHOWN.countDown();
        }
      }
    }, true, StandardCharsets.UTF_8);
    Pipeline pipeline = Pipeline.create(PipelineArguments.parse(PipelineArguments.Runner.FLINK,
        null, List.of()));
    pipeline.apply(Create.of(1)).apply(ParDo.of(new OneSessionThenWait()));

    PipelineResult result = RunProgress.runToEnd(pipeline, RUN, 3, terminal);

    assertThat(result.getState(), equalTo(PipelineResult.State.DONE));
    assertThat(shown.toString(StandardCharsets.UTF_8), containsString("sessions"));
  }
}

package io.vaar.pipeline;

import io.vaar.transforms.audit.LiveTally;
import io.vaar.transforms.audit.SessionMetrics;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.PipelineOptions;
import org.joda.time.Duration;

/**
 * Reads a run's Beam counters (sessions done, answers, re-asks, cache hits, invalid answers) and
 * shows them as one live progress line with rate and ETA while the pipeline runs — only when the
 * output is a terminal, so logs and scripts stay clean. The final counts go into the manifest.
 */
final class RunProgress {

  private RunProgress() {
  }

  /** The run's counters as they stand; attempted values, which every runner reports live. */
  static Map<String, Long> counters(PipelineResult result) {
    Map<String, Long> counts = new HashMap<>();
    MetricQueryResults metrics;
    try {
      metrics = result.metrics().queryMetrics(MetricsFilter.builder()
          .addNameFilter(MetricNameFilter.inNamespace(SessionMetrics.NAMESPACE)).build());
    } catch (RuntimeException e) {
      return counts;
    }
    for (MetricResult<Long> counter : metrics.getCounters()) {
      Long value = counter.getAttempted();
      counts.merge(counter.getName().getName(), value == null ? 0 : value, Long::sum);
    }
    return counts;
  }

  /**
   * Runs {@code pipeline} to its end, showing progress towards {@code totalSessions} on a
   * terminal, and returns its result. A runner whose {@code run()} returns at once (the direct
   * runner as vaar sets it up) is followed through its Beam counters; one whose {@code run()}
   * blocks until the job ends (Flink) runs on a helper thread while the line follows the
   * {@link LiveTally} of run {@code runId} — live for Flink's embedded cluster, which works in
   * this JVM. A remote Flink cluster counts elsewhere, so the line names its web UI instead.
   */
  static PipelineResult runToEnd(Pipeline pipeline, String runId, long totalSessions,
      PrintStream terminal) {
    if (!blocksUntilDone(pipeline.getOptions())) {
      PipelineResult result = pipeline.run();
      follow(result, totalSessions, terminal);
      return result;
    }
    String flinkMaster = pipeline.getOptions().as(FlinkPipelineOptions.class).getFlinkMaster();
    boolean remote = flinkMaster != null && !flinkMaster.startsWith("[");
    if (terminal == null || remote) {
      if (terminal != null) {
        terminal.println("running on the Flink cluster at " + flinkMaster + "; its web UI at http://"
            + flinkMaster + " shows the job's progress");
        terminal.flush();
      }
      return pipeline.run();
    }
    LiveTally.reset(runId);
    ExecutorService runner = Executors.newSingleThreadExecutor(task -> {
      Thread thread = new Thread(task, "vaar-pipeline");
      thread.setDaemon(true);
      return thread;
    });
    try (ProgressBar bar = bar(totalSessions, terminal)) {
      Future<PipelineResult> running = runner.submit(() -> pipeline.run());
      while (true) {
        try {
          return running.get(500, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
          show(bar, LiveTally.counts(runId));
        } catch (ExecutionException e) {
          throw e.getCause() instanceof RuntimeException cause ? cause
              : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while the pipeline ran", e);
        }
      }
    } finally {
      runner.shutdownNow();
      LiveTally.clear(runId);
    }
  }

  /** Whether the runner's {@code run()} returns only once the job has ended. */
  private static boolean blocksUntilDone(PipelineOptions options) {
    return options.getRunner().getSimpleName().equals("FlinkRunner");
  }

  private static ProgressBar bar(long totalSessions, PrintStream terminal) {
    return new ProgressBarBuilder().setTaskName("sessions")
        .setInitialMax(totalSessions).setStyle(ProgressBarStyle.ASCII)
        .setConsumer(new ConsoleProgressBarConsumer(terminal))
        .setUpdateIntervalMillis(250).showSpeed().build();
  }

  private static void show(ProgressBar bar, Map<String, Long> counts) {
    bar.stepTo(counts.getOrDefault(SessionMetrics.SESSIONS, 0L));
    bar.setExtraMessage(String.format(" answers %d, re-asks %d, cache hits %d, invalid %d,"
            + " refused %d, errors %d",
        counts.getOrDefault(SessionMetrics.ANSWERS, 0L),
        counts.getOrDefault(SessionMetrics.REASKS, 0L),
        counts.getOrDefault(SessionMetrics.CACHE_HITS, 0L),
        counts.getOrDefault(SessionMetrics.INVALID, 0L),
        counts.getOrDefault(SessionMetrics.REFUSED, 0L),
        counts.getOrDefault(SessionMetrics.ERRORS, 0L)));
  }

  /** Waits for the pipeline, showing progress towards {@code totalSessions} on a terminal. */
  private static PipelineResult.State follow(PipelineResult result, long totalSessions,
      PrintStream terminal) {
    if (terminal == null) {
      return result.waitUntilFinish();
    }
    try (ProgressBar bar = bar(totalSessions, terminal)) {
      PipelineResult.State state;
      do {
        state = result.waitUntilFinish(Duration.millis(500));
        show(bar, counters(result));
      } while (state == null || !state.isTerminal());
      return state;
    }
  }
}

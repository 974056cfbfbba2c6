package io.vaar.pipeline;

import io.vaar.transforms.audit.SessionMetrics;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
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

  /** Waits for the pipeline, showing progress towards {@code totalSessions} on a terminal. */
  static PipelineResult.State follow(PipelineResult result, long totalSessions,
      PrintStream terminal) {
    if (terminal == null) {
      return result.waitUntilFinish();
    }
    try (ProgressBar bar = new ProgressBarBuilder().setTaskName("sessions")
        .setInitialMax(totalSessions).setStyle(ProgressBarStyle.ASCII)
        .setConsumer(new ConsoleProgressBarConsumer(terminal))
        .setUpdateIntervalMillis(250).showSpeed().build()) {
      PipelineResult.State state;
      do {
        state = result.waitUntilFinish(Duration.millis(500));
        Map<String, Long> counts = counters(result);
        bar.stepTo(counts.getOrDefault(SessionMetrics.SESSIONS, 0L));
        bar.setExtraMessage(String.format(" answers %d, re-asks %d, cache hits %d, invalid %d,"
                + " refused %d, errors %d",
            counts.getOrDefault(SessionMetrics.ANSWERS, 0L),
            counts.getOrDefault(SessionMetrics.REASKS, 0L),
            counts.getOrDefault(SessionMetrics.CACHE_HITS, 0L),
            counts.getOrDefault(SessionMetrics.INVALID, 0L),
            counts.getOrDefault(SessionMetrics.REFUSED, 0L),
            counts.getOrDefault(SessionMetrics.ERRORS, 0L)));
      } while (state == null || !state.isTerminal());
      return state;
    }
  }
}

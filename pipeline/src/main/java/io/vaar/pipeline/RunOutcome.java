package io.vaar.pipeline;

import io.vaar.schemas.SessionRecord;
import io.vaar.schemas.SessionStatus;
import io.vaar.transforms.archive.WriteArchive;
import io.vaar.transforms.audit.AnalyseStudy;
import io.vaar.transforms.audit.SessionMetrics;
import io.vaar.transforms.storage.RunStorage;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Map;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.beam.runners.dataflow.DataflowPipelineJob;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;

/**
 * How a pipeline run ended, judged from what a user cares about: whether the analysis was
 * written, how many sessions completed, failed or crashed, and the first error a failed session
 * recorded — so a run against an endpoint that refuses every call ends with that refusal, not
 * with a generic failure. It prints the closing lines and gives the exit code.
 */
record RunOutcome(String status, String detail, Map<String, Long> counts) {

  /**
   * Runs a pipeline in a claimed run directory from start to end: the manifest says
   * {@code running}, then how the run ended (also when it failed), and the closing lines are
   * printed. Returns the exit code.
   */
  static int execute(RunDirectory directory, RunManifest manifest, Pipeline pipeline,
      long plannedSessions, PrintWriter out) {
    directory.writeManifest(manifest.running());
    RunOutcome outcome;
    try {
      outcome = run(pipeline, manifest.runId(), plannedSessions, directory);
    } catch (CliError e) {
      directory.writeManifest(manifest.finished("failed", e.getMessage(), Map.of(),
          Instant.now()));
      throw e;
    }
    directory.writeManifest(manifest.finished(outcome.status(), outcome.detail(),
        outcome.counts(), Instant.now()));
    return outcome.report(directory, plannedSessions, out);
  }

  /**
   * Submits a pipeline to a runner that runs it elsewhere (Dataflow) and returns as soon as the
   * runner has accepted it: the manifest then says {@code submitted} and names the job. Nothing
   * stays behind to rewrite the manifest when the job ends; {@code analysis/vaar.json} (or
   * {@code analysis/error.txt}) and the runner's console tell how it ended.
   */
  static int submit(RunDirectory directory, RunManifest manifest, Pipeline pipeline,
      PrintWriter out) {
    directory.writeManifest(manifest.running());
    PipelineResult result;
    try {
      result = pipeline.run();
    } catch (RuntimeException e) {
      String reason = "the pipeline could not be submitted: " + causeOf(e).getMessage();
      directory.writeManifest(manifest.finished("failed", reason, Map.of(), Instant.now()));
      throw CliError.runFailed(reason, e);
    }
    String job = result instanceof DataflowPipelineJob dataflow
        ? "Dataflow job " + dataflow.getJobId() : "job";
    directory.writeManifest(manifest.submitted(job));
    out.println("submitted: " + job + "; when it ends:");
    out.println("analysis: " + directory.resolve(AnalyseStudy.VAAR_JSON));
    out.println("report:   " + directory.resolve(ReportPage.FILE));
    out.flush();
    return 0;
  }

  private static Throwable causeOf(RuntimeException e) {
    return e.getCause() != null ? e.getCause() : e;
  }

  /** Runs the pipeline to its end, with progress on a terminal. */
  static RunOutcome run(Pipeline pipeline, String runId, long plannedSessions,
      RunDirectory directory) {
    PipelineResult result;
    PipelineResult.State state;
    try {
      result = RunProgress.runToEnd(pipeline, runId, plannedSessions,
          System.console() != null ? System.err : null);
      state = result.getState();
    } catch (RuntimeException e) {
      throw CliError.runFailed("the pipeline failed: " + causeOf(e).getMessage(), e);
    }
    Map<String, Long> counts = RunProgress.counters(result);
    if (state != PipelineResult.State.DONE) {
      return new RunOutcome("failed", "the pipeline ended in state " + state, counts);
    }
    long failed = counts.getOrDefault(SessionMetrics.SESSIONS_FAILED, 0L)
        + counts.getOrDefault(SessionMetrics.SESSIONS_PARTIAL, 0L)
        + counts.getOrDefault(SessionMetrics.CRASHED, 0L);
    if (!directory.analysisComplete()) {
      String reason = directory.analysisError();
      if (reason == null) {
        reason = AnalyseStudy.NO_ANSWERS;
      }
      String first = failed > 0 ? firstSessionError(directory.storage()) : null;
      return new RunOutcome("failed", reason + (first == null ? "" : "; first error: " + first),
          counts);
    }
    if (failed > 0) {
      String first = firstSessionError(directory.storage());
      return new RunOutcome("partial", failed + " of " + plannedSessions
          + " sessions did not complete" + (first == null ? "" : "; first error: " + first)
          + "; run the same command again to resume", counts);
    }
    return new RunOutcome("complete", null, counts);
  }

  /** Prints where the results are and returns the exit code. */
  int report(RunDirectory directory, long plannedSessions, PrintWriter out) {
    if (status.equals("failed")) {
      throw CliError.runFailed("run failed: " + detail + " (details in "
          + directory.resolve(RunDirectory.MANIFEST) + ")", null);
    }
    if (plannedSessions > 0) {
      out.println("sessions: " + counts.getOrDefault(SessionMetrics.SESSIONS, 0L) + " of "
          + plannedSessions + ", answers: " + counts.getOrDefault(SessionMetrics.ANSWERS, 0L)
          + ", cache hits: " + counts.getOrDefault(SessionMetrics.CACHE_HITS, 0L));
    }
    out.println("analysis: " + directory.resolve(AnalyseStudy.VAAR_JSON));
    out.println("report:   " + directory.resolve(ReportPage.FILE));
    if (status.equals("partial")) {
      throw CliError.runFailed("run partial: " + detail, null);
    }
    out.flush();
    return 0;
  }

  /** The error of the first failed or partial session in the archive, if any. */
  static String firstSessionError(RunStorage storage) {
    try {
      for (String file : storage.list(WriteArchive.SESSIONS_DIRECTORY + "/*"
          + WriteArchive.SUFFIX)) {
        try (DataFileStream<SessionRecord> reader = new DataFileStream<>(RunStorage.open(file),
            new SpecificDatumReader<>(SessionRecord.class))) {
          for (SessionRecord record : reader) {
            if (record.getStatus() != SessionStatus.complete && !record.getError().isEmpty()) {
              return record.getError();
            }
          }
        }
      }
    } catch (IOException e) {
      return null;
    }
    return null;
  }
}

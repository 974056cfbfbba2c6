package io.vaar.pipeline.options;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * What identifies a run and where it writes: the run id that names it (a rerun with the same id
 * resumes it) and its output directory, which holds the archive, the analysis and the report.
 * The defaults are those of the built-in demo audit.
 */
@Description("The run: its id and its output directory")
public interface RunOptions extends PipelineOptions {

  @Description("Names the run; records and manifest carry it, and a rerun with the same id"
      + " resumes the run")
  @Default.String("demo")
  String getRunId();

  void setRunId(String runId);

  @Description("Directory the run writes to (responses/, sessions/, analysis/, report.html);"
      + " any path a Beam file system understands, such as gs://bucket/runs/x")
  @Default.String("runs/demo")
  String getOutput();

  void setOutput(String output);
}

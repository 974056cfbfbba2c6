package io.vaar.pipeline;

import io.vaar.pipeline.options.PipelineArguments;
import io.vaar.pipeline.options.VaarPipelineOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.beam.runners.direct.DirectOptions;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The command-line options that choose where a pipeline runs, shared by {@code audit} and
 * {@code replay}: {@code --runner}, {@code --flink-master} and extra Beam options after
 * {@code --}. It turns them into validated pipeline options, set up for a command-line run.
 */
final class RunnerOptions {

  @Option(names = "--runner", paramLabel = "direct|flink|dataflow", defaultValue = "direct",
      description = "Where the pipeline runs (default: ${DEFAULT-VALUE}).")
  String runner;

  @Option(names = "--flink-master", paramLabel = "HOST:PORT",
      description = "A Flink session cluster's REST address; without it --runner flink starts "
          + "an embedded cluster in this process.")
  String flinkMaster;

  @Parameters(paramLabel = "BEAM_OPTION", arity = "0..*",
      description = "Extra Beam pipeline options, after --.")
  List<String> beamOptions = new ArrayList<>();

  /**
   * The pipeline options; on the direct runner at least {@code parallelism} bundles run at once,
   * and the runner does not return from {@code run()} before the progress line can follow it.
   */
  VaarPipelineOptions parse(String runId, String output, int parallelism) {
    VaarPipelineOptions options;
    try {
      options = PipelineArguments.parse(runner, flinkMaster, beamOptions);
    } catch (IllegalArgumentException e) {
      throw CliError.badInput(e.getMessage(), e);
    }
    options.setRunId(runId);
    options.setOutput(output);
    options.setJobName("vaar-" + runId.toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9-]", "-"));
    DirectOptions direct = options.as(DirectOptions.class);
    direct.setTargetParallelism(Math.max(direct.getTargetParallelism(), parallelism));
    direct.setBlockOnRun(false);
    // The direct runner's immutability and encodability checks re-encode every element; they
    // are for testing transforms (the tests keep them on), and cost a run most of its time.
    direct.setEnforceImmutability(false);
    direct.setEnforceEncodability(false);
    return options;
  }
}

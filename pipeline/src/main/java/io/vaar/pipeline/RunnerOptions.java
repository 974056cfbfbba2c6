package io.vaar.pipeline;

import io.vaar.pipeline.options.PipelineArguments;
import io.vaar.pipeline.options.VaarPipelineOptions;
import io.vaar.transforms.storage.RunStorage;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.beam.runners.dataflow.DataflowRunner;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptions;
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

  /** The jar this command runs from, when it runs from one (not from a build's classes). */
  static Optional<String> runningJar() {
    try {
      Path location = Path.of(RunnerOptions.class.getProtectionDomain().getCodeSource()
          .getLocation().toURI());
      return location.toString().endsWith(".jar") ? Optional.of(location.toString())
          : Optional.empty();
    } catch (URISyntaxException | SecurityException e) {
      return Optional.empty();
    }
  }

  /**
   * The validated pipeline options of the command line, with Beam's file systems (such as
   * {@code gs://}) registered for this process; {@link #forRun} completes them for one run.
   */
  VaarPipelineOptions options() {
    List<String> arguments = new ArrayList<>(beamOptions);
    if (flinkMaster != null && arguments.stream().noneMatch(a -> a.startsWith("--filesToStage"))) {
      // A session cluster runs the job from the jar it is sent: this very vaar.jar.
      runningJar().ifPresent(jar -> arguments.add("--filesToStage=" + jar));
    }
    VaarPipelineOptions options;
    try {
      options = PipelineArguments.parse(runner, flinkMaster, arguments);
    } catch (IllegalArgumentException e) {
      throw CliError.badInput(e.getMessage(), e);
    }
    FileSystems.setDefaultPipelineOptions(options);
    return options;
  }

  /** The pipeline options of one run, named after it; see {@link #forRun}. */
  VaarPipelineOptions parse(String runId, String output, int parallelism) {
    VaarPipelineOptions options = options();
    forRun(options, runId, output, parallelism);
    options.setJobName(jobName(runId));
    return options;
  }

  /**
   * Sets the run's id and output, refusing an output the runner's workers cannot reach; on the
   * direct runner at least {@code parallelism} bundles run at once, and the runner does not
   * return from {@code run()} before the progress line can follow it.
   */
  static void forRun(VaarPipelineOptions options, String runId, String output, int parallelism) {
    if (onDataflow(options) && RunStorage.isLocal(output)) {
      throw CliError.badInput("Dataflow workers cannot write to a local directory (" + output
          + "); use --output gs://BUCKET/PATH");
    }
    options.setRunId(runId);
    options.setOutput(output);
    DirectOptions direct = options.as(DirectOptions.class);
    direct.setTargetParallelism(Math.max(direct.getTargetParallelism(), parallelism));
    direct.setBlockOnRun(false);
    // The direct runner's immutability and encodability checks re-encode every element; they
    // are for testing transforms (the tests keep them on), and cost a run most of its time.
    direct.setEnforceImmutability(false);
    direct.setEnforceEncodability(false);
  }

  /** Whether the options choose Google Cloud Dataflow, whose workers are other machines. */
  static boolean onDataflow(PipelineOptions options) {
    return DataflowRunner.class.isAssignableFrom(options.getRunner());
  }

  /** The job name of a run on a cluster: {@code vaar-} and the run id in the letters allowed. */
  static String jobName(String runId) {
    return "vaar-" + runId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
  }
}

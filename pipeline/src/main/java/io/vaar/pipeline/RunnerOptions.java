package io.vaar.pipeline;

import io.vaar.pipeline.options.PipelineArguments;
import io.vaar.pipeline.options.VaarPipelineOptions;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
   * The pipeline options; on the direct runner at least {@code parallelism} bundles run at once,
   * and the runner does not return from {@code run()} before the progress line can follow it.
   */
  VaarPipelineOptions parse(String runId, String output, int parallelism) {
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

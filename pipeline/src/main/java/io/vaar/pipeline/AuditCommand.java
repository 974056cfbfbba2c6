package io.vaar.pipeline;

import io.vaar.pipeline.options.VaarPipelineOptions;
import io.vaar.transforms.config.RunConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./vaar audit}: runs an audit from a config file, or without one the built-in demo
 * (three simulated models, 200 personas each, into {@code runs/demo}). Everything that can be
 * checked before a model is called is checked first; the run then goes through the Beam pipeline
 * on the chosen runner with a live progress line, and ends by naming the report. A run that
 * finished with failed sessions says how far it got and exits 1; rerunning the same config
 * resumes it, paying for nothing twice.
 */
@Command(name = "audit",
    mixinStandardHelpOptions = true,
    versionProvider = VaarCli.ManifestVersion.class,
    description = {"Run a value-action alignment audit.",
        "Without --config: the built-in demo (three simulated models, 200 personas each, "
            + "no network, no key), written to runs/demo."},
    footer = {"", "Beam pipeline options go after --, e.g. ./vaar audit --runner flink -- "
        + "--parallelism=2"})
public final class AuditCommand implements Callable<Integer> {

  @Option(names = "--config", paramLabel = "FILE",
      description = "The run config (YAML; see shared/docs/contracts.md): a path, or a URL such"
          + " as gs://bucket/audit.yaml. Default: the demo.")
  String config;

  @Option(names = "--output", paramLabel = "DIR",
      description = "Write here instead of the config's run.output: a directory, or a URL such"
          + " as gs://bucket/runs/x (what --runner dataflow needs).")
  String output;

  @Option(names = "--run-id", paramLabel = "ID",
      description = "Name the run ID instead of the config's run.id (a scheduled audit's dated "
          + "id, say); reruns with the same id resume it. A default run.output follows it.")
  String runId;

  @Mixin
  RunnerOptions where = new RunnerOptions();

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    VaarPipelineOptions options = where.options();
    RunConfig runConfig = AuditLaunch.loadConfig(config, runId, output);
    options.setJobName(RunnerOptions.jobName(runConfig.run().id()));
    return AuditLaunch.launch(runConfig, options, where.runner, AuditLaunch.Completion.FOLLOW,
        spec.commandLine().getOut());
  }
}

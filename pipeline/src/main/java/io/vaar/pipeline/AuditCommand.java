package io.vaar.pipeline;

import io.vaar.pipeline.options.VaarPipelineOptions;
import io.vaar.transforms.audit.AuditPlan;
import io.vaar.transforms.config.ConfigException;
import io.vaar.transforms.config.ModelSpec;
import io.vaar.transforms.config.RunConfig;
import io.vaar.transforms.data.InputException;
import io.vaar.transforms.instruments.InstrumentException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.apache.beam.sdk.Pipeline;
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

  private static final int MAX_DIRECT_PARALLELISM = 64;

  @Option(names = "--config", paramLabel = "FILE",
      description = "The run config (YAML; see shared/docs/contracts.md). Default: the demo.")
  Path config;

  @Option(names = "--output", paramLabel = "DIR",
      description = "Write here instead of the config's run.output.")
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
    RunConfig runConfig = loadConfig();
    AuditPlan plan;
    try {
      plan = AuditPlan.prepare(runConfig);
    } catch (InstrumentException | InputException | IllegalArgumentException e) {
      throw CliError.badInput(e.getMessage(), e);
    }
    VaarPipelineOptions options = pipelineOptions(plan);
    Instant started = Instant.now();
    RunManifest manifest = RunManifest.of(runConfig, "audit", where.runner, started);
    Path root = RunDirectory.localPath(plan.output());
    try (RunDirectory directory = RunDirectory.claim(root, plan.runId())) {
      Pipeline pipeline = AuditPipeline.build(Pipeline.create(options), plan,
          options.getArchiveShards());
      return RunOutcome.execute(directory, manifest, pipeline, plan.tasks().size(),
          spec.commandLine().getOut());
    }
  }

  private RunConfig loadConfig() {
    RunConfig loaded;
    try {
      loaded = config == null ? RunConfig.demo() : RunConfig.read(config, System::getenv);
    } catch (ConfigException e) {
      throw CliError.badInput(e.getMessage(), e);
    }
    try {
      loaded = runId == null ? loaded : loaded.withRunId(runId);
    } catch (ConfigException e) {
      throw CliError.badInput("--run-id: " + e.getMessage(), e);
    }
    return output == null ? loaded : loaded.withOutput(output);
  }

  private VaarPipelineOptions pipelineOptions(AuditPlan plan) {
    // Every shard of every model may have a call in flight; the direct runner's default
    // parallelism (the number of cores) would cap remote models far below max_concurrency.
    int shards = plan.config().models().models().stream().mapToInt(ModelSpec::maxConcurrency)
        .sum();
    return where.parse(plan.runId(), plan.output(), Math.min(shards, MAX_DIRECT_PARALLELISM));
  }
}

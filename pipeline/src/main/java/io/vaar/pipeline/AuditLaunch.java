package io.vaar.pipeline;

import io.vaar.pipeline.options.VaarPipelineOptions;
import io.vaar.transforms.audit.AuditPlan;
import io.vaar.transforms.config.ConfigException;
import io.vaar.transforms.config.ModelSpec;
import io.vaar.transforms.config.RunConfig;
import io.vaar.transforms.data.InputException;
import io.vaar.transforms.instruments.InstrumentException;
import io.vaar.transforms.storage.RunStorage;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.beam.sdk.Pipeline;

/**
 * Launches an audit from its config and parsed pipeline options: the one launch path of
 * {@code ./vaar audit} and of the Dataflow Flex Template's {@link FlexTemplateAudit}. It reads
 * the config (a local file, or a {@code gs://} URL through Beam's file systems), checks
 * everything that can be checked before a model is called, claims the run's output and then
 * either follows the run to its end or, for a template launch on Dataflow, only submits it.
 */
final class AuditLaunch {

  private static final int MAX_DIRECT_PARALLELISM = 64;

  /** Whether a launch follows the run to its end or returns once the runner has accepted it. */
  enum Completion {
    FOLLOW,
    SUBMIT
  }

  private AuditLaunch() {
  }

  /**
   * The run config at {@code location} — the built-in demo when null — with its run id replaced
   * by {@code runId} and its output by {@code output} when those are given. A URL such as {@code gs://bucket/vaar.yaml} is read
   * through Beam's file systems, which must be registered already.
   */
  static RunConfig loadConfig(String location, String runId, String output) {
    RunConfig loaded;
    try {
      if (location == null) {
        loaded = RunConfig.demo();
      } else if (RunStorage.isLocal(location)) {
        loaded = RunConfig.read(Path.of(location), System::getenv);
      } else {
        loaded = RunConfig.parse(location, remoteText(location), System::getenv);
      }
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

  private static String remoteText(String location) {
    try (InputStream in = RunStorage.open(location)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException | IllegalArgumentException e) {
      throw CliError.badInput(location + ": cannot read the config file (" + e.getMessage()
          + "); check the URL given to --config and that this account may read it", e);
    }
  }

  /**
   * Plans the run, claims its output and runs or submits the pipeline on the runner the options
   * choose; {@code runner} is the runner's name for the manifest. Returns the exit code.
   */
  static int launch(RunConfig config, VaarPipelineOptions options, String runner,
      Completion completion, PrintWriter out) {
    // Every shard of every model may have a call in flight; the direct runner's default
    // parallelism (the number of cores) would cap remote models far below max_concurrency.
    int shards = config.models().models().stream().mapToInt(ModelSpec::maxConcurrency).sum();
    RunnerOptions.forRun(options, config.run().id(), config.run().output(),
        Math.min(shards, MAX_DIRECT_PARALLELISM));
    AuditPlan plan;
    try {
      plan = AuditPlan.prepare(config);
    } catch (InstrumentException | InputException | IllegalArgumentException e) {
      throw CliError.badInput(e.getMessage(), e);
    }
    RunManifest manifest = RunManifest.of(config, "audit", runner, Instant.now());
    try (RunDirectory directory = RunDirectory.claim(plan.output(), plan.runId())) {
      Pipeline pipeline = AuditPipeline.build(Pipeline.create(options), plan,
          options.getArchiveShards());
      return completion == Completion.SUBMIT
          ? RunOutcome.submit(directory, manifest, pipeline, out)
          : RunOutcome.execute(directory, manifest, pipeline, plan.tasks().size(), out);
    }
  }
}

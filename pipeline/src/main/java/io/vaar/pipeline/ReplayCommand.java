package io.vaar.pipeline;

import io.vaar.pipeline.options.VaarPipelineOptions;
import io.vaar.transforms.analysis.AnalysisSettings;
import io.vaar.transforms.analysis.HumanSample;
import io.vaar.transforms.analysis.VaarBootstrap;
import io.vaar.transforms.audit.AuditPlan;
import io.vaar.transforms.config.ConfigException;
import io.vaar.transforms.config.RunConfig;
import io.vaar.transforms.config.RunSettings;
import io.vaar.transforms.data.InputException;
import io.vaar.transforms.instruments.InstrumentException;
import io.vaar.transforms.instruments.InstrumentSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./vaar replay}: re-analyses archived item responses — one run's
 * {@code responses/*.avro} or several runs' — without calling any model, and writes the same
 * {@code analysis/}, report and manifest an audit writes. The instruments and the analysis
 * settings (α, estimator, missing, bootstrap replicates and seed) and the human reference group
 * ({@code human_reference}) come from {@code --config} when given, otherwise the built-in
 * instruments, the defaults (α = 0.05, MLR, FIML, B = 1000, seed 42) and the literature's
 * expected signs.
 */
@Command(name = "replay",
    mixinStandardHelpOptions = true,
    versionProvider = VaarCli.ManifestVersion.class,
    description = "Re-analyse archived responses (Avro) without calling any model.")
public final class ReplayCommand implements Callable<Integer> {

  @Option(names = "--input", required = true, paramLabel = "PATH_OR_GLOB",
      description = "Archived ItemResponse files: a run directory, its responses/*.avro, or a "
          + "glob over several runs. Repeatable.")
  List<String> inputs = new ArrayList<>();

  @Option(names = "--output", required = true, paramLabel = "DIR",
      description = "Where the analysis, report and manifest go: a directory, or a URL such as"
          + " gs://bucket/runs/x.")
  String output;

  @Option(names = "--config", paramLabel = "FILE",
      description = "A run config whose instruments, analysis settings (run.alpha,"
          + " estimator, missing, bootstrap) and human_reference the replay uses.")
  Path config;

  @Mixin
  RunnerOptions where = new RunnerOptions();

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    RunConfig runConfig = null;
    InstrumentSet instruments;
    HumanSample human = null;
    AnalysisSettings analysis = AnalysisSettings.defaults(0.05);
    VaarBootstrap.Settings bootstrap = new VaarBootstrap.Settings(RunSettings.DEFAULT_BOOTSTRAP,
        RunSettings.DEFAULT_SEED);
    try {
      if (config != null) {
        runConfig = RunConfig.read(config, name -> "(not needed for a replay)");
        analysis = runConfig.run().analysis();
        bootstrap = runConfig.run().bootstrapSettings();
      }
      instruments = InstrumentSet.load(runConfig == null ? "builtin" : runConfig.instruments());
      if (runConfig != null) {
        human = AuditPlan.humanReference(runConfig, instruments);
      }
    } catch (ConfigException | InstrumentException | InputException
        | IllegalArgumentException e) {
      throw CliError.badInput(e.getMessage(), e);
    }
    List<String> patterns = inputs.stream().map(ReplayCommand::asPattern).toList();
    String runId = "replay";
    VaarPipelineOptions options = where.parse(runId, output, 1);
    for (String pattern : patterns) {
      requireMatches(pattern);
    }
    Instant started = Instant.now();
    RunManifest manifest = new RunManifest(runId, "replay", where.runner,
        Map.of("inputs", patterns, "config", config == null ? "" : config.toString()),
        started);
    try (RunDirectory directory = RunDirectory.claim(output, runId)) {
      Pipeline pipeline = ReplayPipeline.build(Pipeline.create(options), patterns, runId,
          output, instruments, analysis, bootstrap, human);
      return RunOutcome.execute(directory, manifest, pipeline, 0, spec.commandLine().getOut());
    }
  }

  private static void requireMatches(String pattern) {
    try {
      MatchResult match = FileSystems.match(pattern, EmptyMatchTreatment.ALLOW);
      if (match.status() == MatchResult.Status.OK && !match.metadata().isEmpty()) {
        return;
      }
    } catch (IOException e) {
      throw CliError.badInput("--input " + pattern + ": cannot be listed (" + e.getMessage()
          + ")", e);
    }
    throw CliError.badInput("--input " + pattern + " matches no files; give a run directory "
        + "or a glob such as runs/demo/responses/*.avro");
  }

  /** A run directory stands for its responses; anything else is a file pattern as given. */
  static String asPattern(String input) {
    Path path = Path.of(input);
    return Files.isDirectory(path) && Files.isDirectory(
        path.resolve("responses")) ? path.resolve("responses").resolve("*.avro").toString()
        : input;
  }
}

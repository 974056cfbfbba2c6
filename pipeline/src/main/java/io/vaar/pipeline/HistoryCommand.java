package io.vaar.pipeline;

import io.vaar.pipeline.history.AuditHistory;
import io.vaar.pipeline.history.HistoryJson;
import io.vaar.pipeline.history.HistoryTable;
import io.vaar.pipeline.history.RunLocator;
import io.vaar.pipeline.history.RunSnapshot;
import io.vaar.pipeline.history.RunSnapshotReader;
import io.vaar.transforms.storage.RunStorage;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vaar history}: lines up repeated audits of the same models — the scheduled audits of a
 * model under watch — and flags every VAAR or path change whose 95% bootstrap intervals do not
 * overlap. Prints a table, or with {@code --json} the same as JSON; runs that did not finish are
 * listed as skipped, not fatal. With {@code --fail-on-drift} a flagged change ends the command
 * with exit code 3, so that a scheduler or CI job can alert on it.
 */
@Command(name = "history",
    mixinStandardHelpOptions = true,
    versionProvider = VaarCli.ManifestVersion.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {"Compare VAAR and paths across repeated audits of the same models and flag"
        + " changes whose bootstrap intervals do not overlap."},
    footer = {"", "Exit codes: 0 done (drift or not), 2 bad input, 3 drift found with"
        + " --fail-on-drift.", "", "Example:", "  ./vaar history --runs runs/weekly-2026-47"
        + " runs/weekly-2026-48", "  ./vaar history --runs /data/runs --json --fail-on-drift"})
public final class HistoryCommand implements Callable<Integer> {

  /** Exit code when {@code --fail-on-drift} is given and a change was flagged. */
  static final int EXIT_DRIFT = 3;

  @Spec
  private CommandSpec spec;

  @Option(names = "--runs", required = true, arity = "1..*", paramLabel = "DIR",
      description = "Run directories, or folders whose subfolders are runs: local paths or URLs"
          + " such as gs://bucket/runs.")
  private List<String> runs;

  @Option(names = "--against", paramLabel = "previous|first", defaultValue = "previous",
      description = "Compare each run with the previous run of the same model, or with the"
          + " first (catches slow drift). Default: ${DEFAULT-VALUE}.")
  private AuditHistory.Baseline baseline;

  @Option(names = "--json", description = "Print the history as JSON instead of a table.")
  private boolean json;

  @Option(names = "--fail-on-drift",
      description = "Exit with code 3 when a change is flagged.")
  private boolean failOnDrift;

  @Override
  public Integer call() {
    List<RunSnapshot> snapshots = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (RunStorage run : locate()) {
      try {
        snapshots.add(RunSnapshotReader.read(run));
      } catch (RunSnapshotReader.UnusableRun e) {
        skipped.add(run.location() + ": " + e.getMessage());
      }
    }
    if (snapshots.isEmpty()) {
      throw CliError.badInput("none of the " + skipped.size() + " runs has a finished analysis ("
          + skipped.get(0) + (skipped.size() > 1 ? "; …" : "") + "); let a run finish first");
    }
    AuditHistory history = AuditHistory.of(snapshots, baseline);
    PrintWriter out = spec.commandLine().getOut();
    out.print(json ? HistoryJson.write(history, skipped) : HistoryTable.format(history, skipped));
    out.flush();
    return failOnDrift && !history.drifts().isEmpty() ? EXIT_DRIFT : 0;
  }

  private List<RunStorage> locate() {
    if (runs.stream().anyMatch(run -> !RunStorage.isLocal(run))) {
      // gs:// and other schemes are read through Beam's file systems, registered as a run would.
      FileSystems.setDefaultPipelineOptions(PipelineOptionsFactory.create());
    }
    try {
      return RunLocator.find(runs);
    } catch (IllegalArgumentException | UncheckedIOException e) {
      throw CliError.badInput(e.getMessage(), e);
    }
  }
}

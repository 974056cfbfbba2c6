package io.vaar.pipeline;

import io.vaar.sem.FitOptions;
import io.vaar.sem.LavaanStyleSummary;
import io.vaar.sem.SemConvergenceException;
import io.vaar.sem.SemData;
import io.vaar.sem.SemFit;
import io.vaar.sem.SemInputException;
import io.vaar.sem.SemModel;
import io.vaar.sem.model.GroupEqual;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code vaar sem fit}: fits a model written in lavaan syntax to a wide CSV file, optionally
 * by group with lavaan's {@code group.equal} constraints, with ML or MLR and listwise deletion
 * or FIML, and prints lavaan's summary or, with {@code --json}, the JSON document of the
 * command-line contract. {@code --repeat N} fits N times in one JVM and reports the median wall
 * time of one fit. Bad input (files, syntax, columns, cells, options) fails with exit code 2 and
 * a fit that does not converge with exit code 1, each with one line on stderr and nothing on
 * stdout.
 */
@Command(name = "fit",
    mixinStandardHelpOptions = true,
    versionProvider = VaarCli.ManifestVersion.class,
    sortOptions = false,
    sortSynopsis = false,
    usageHelpAutoWidth = true,
    description = {"Fit a structural equation model written in lavaan syntax to a CSV file and print"
        + " lavaan's summary (or JSON with --json)."},
    footer = {"", "Example:", "  ./vaar sem fit --model hs.lav --data HolzingerSwineford1939.csv \\",
        "      --group school --group-equal loadings,intercepts --std"})
public final class SemFitCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Mixin
  private FitInputs inputs;

  @Option(names = "--group", paramLabel = "COL",
      description = "Column whose values define the groups of a multi-group fit;"
          + " groups are numbered 1, 2, ... in order of first appearance.")
  private String groupColumn;

  @Option(names = "--group-equal", paramLabel = "LIST",
      description = "Comma-separated parameter classes held equal across groups (lavaan's group.equal):"
          + " loadings, intercepts, residuals, residual.covariances, lv.variances,"
          + " lv.covariances, regressions, means.")
  private String groupEqual;

  @Option(names = "--estimator", paramLabel = "ML|MLR", defaultValue = "ML",
      description = "ML, or MLR for robust (Huber-White) standard errors and the scaled test."
          + " Default: ${DEFAULT-VALUE}.")
  private FitOptions.Estimator estimator;

  @Option(names = "--missing", paramLabel = "listwise|fiml", defaultValue = "listwise",
      description = "Drop incomplete rows (listwise) or use all data by full-information ML (fiml)."
          + " Default: ${DEFAULT-VALUE}.")
  private String missing;

  @Option(names = "--std", description = "Add the Std.lv and Std.all columns to the summary"
      + " (the JSON always has them).")
  private boolean standardized;

  @Option(names = "--json", description = "Print the result as JSON instead of the text summary.")
  private boolean json;

  @Option(names = "--repeat", paramLabel = "N", defaultValue = "1",
      description = "Fit N times in one process and report the median wall time of one fit."
          + " Default: ${DEFAULT-VALUE}.")
  private int repeat;

  private final SemFitEngine engine;

  /** The command as the launcher runs it, fitting with the vaar SEM engine. */
  public SemFitCommand() {
    this(SemFitEngine.DEFAULT);
  }

  SemFitCommand(SemFitEngine engine) {
    this.engine = engine;
  }

  @Override
  public Integer call() {
    FitOptions options = options();
    SemModel model = inputs.readModel();
    List<String> variables = inputs.observedVariables(model);
    SemData data = inputs.readData(variables, groupColumn);

    long[] nanos = new long[repeat];
    SemFit fit = null;
    for (int i = 0; i < repeat; i++) {
      long start = System.nanoTime();
      fit = fitOnce(model, data, options);
      nanos[i] = System.nanoTime() - start;
    }
    FitTiming timing = FitTiming.ofNanos(nanos);

    // Rendered in full before anything is printed, so that a failure leaves stdout empty.
    String output;
    if (json) {
      output = SemFitJson.render(fit, groupColumn == null ? List.of() : data.groupNames(), timing);
    } else {
      output = LavaanStyleSummary.format(fit, standardized);
      if (repeat > 1) {
        output += String.format(Locale.ROOT, "%nMedian wall time of one fit over %d fits: %.3f ms%n",
            timing.repeats(), timing.medianMs());
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(output);
    out.flush();
    if (!fit.converged()) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("vaar: the fit did not converge after " + fit.iterations()
          + " iterations; the estimates above are not trustworthy; check the model's"
          + " identification and the data, or simplify the model");
      err.flush();
      return VaarCli.EXIT_RUN_FAILED;
    }
    return 0;
  }

  private FitOptions options() {
    if (repeat < 1) {
      throw CliError.badInput("--repeat must be at least 1 (got " + repeat + "); it is the number of fits to time");
    }
    FitOptions.Missing missingMethod = switch (missing.toLowerCase(Locale.ROOT)) {
      case "listwise" -> FitOptions.Missing.LISTWISE;
      case "fiml" -> FitOptions.Missing.FIML;
      default -> throw CliError.badInput("unknown --missing value '" + missing
          + "'; use listwise or fiml");
    };
    Set<GroupEqual> equal;
    try {
      equal = GroupEqual.parseList(groupEqual);
    } catch (IllegalArgumentException e) {
      throw CliError.badInput(e.getMessage(), e);
    }
    return new FitOptions(estimator, missingMethod, equal);
  }

  private SemFit fitOnce(SemModel model, SemData data, FitOptions options) {
    try {
      return engine.fit(model, data, options);
    } catch (SemInputException e) {
      throw CliError.badInput(e.getMessage(), e);
    } catch (SemConvergenceException e) {
      throw CliError.runFailed(e.getMessage(), e);
    }
  }
}

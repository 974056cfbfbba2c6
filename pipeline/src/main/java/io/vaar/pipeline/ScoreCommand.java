package io.vaar.pipeline;

import io.vaar.sem.FitOptions;
import io.vaar.sem.SemConvergenceException;
import io.vaar.sem.SemData;
import io.vaar.sem.SemFit;
import io.vaar.sem.SemInputException;
import io.vaar.sem.SemModel;
import io.vaar.transforms.analysis.ExpectedPath;
import io.vaar.transforms.analysis.ReferenceGroup;
import io.vaar.transforms.analysis.VaarBootstrap;
import io.vaar.transforms.analysis.VaarScore;
import io.vaar.transforms.analysis.VaarScoreJson;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vaar score}: VAAR for any model and wide CSV, one entry per group of the group column.
 * The model is fitted with the groups unconstrained (as {@code ./vaar sem fit --group COL}), each
 * {@code --expect} path is judged by {@link VaarScore} and, unless {@code --bootstrap 0}, the
 * sessions of each group are resampled by {@link VaarBootstrap} for the VAAR and path intervals
 * and the soft VAAR — the same code as an audit's analysis. Prints a table, or with
 * {@code --json} the {@code score --json} layout of the command-line contract. Bad input (files,
 * columns, an {@code --expect} that does not parse or names no regression of the model) fails
 * with exit code 2 and one line on stderr. With {@code --reference-group NAME} instead of
 * {@code --expect}, that group of the data is the human reference: the expected signs are the
 * signs of its significant regression paths ({@link ReferenceGroup}), and it is fitted with the
 * others but neither scored nor bootstrapped.
 */
@Command(name = "score",
    mixinStandardHelpOptions = true,
    versionProvider = VaarCli.ManifestVersion.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {"Value-action alignment rate (VAAR) per group of a CSV file for any model,"
        + " with a bootstrap interval and the soft VAAR."},
    footer = {"", "Example:", "  ./vaar score --model study.lav --data answers.csv --group model \\",
        "      --expect 'AODS~CTRL=-' --expect 'AODS~PSA=+' --bootstrap 1000 --seed 42",
        "  ./vaar score --model study.lav --data answers.csv --group model \\",
        "      --reference-group humans"})
public final class ScoreCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Mixin
  private FitInputs inputs;

  @Option(names = "--group", required = true, paramLabel = "COL",
      description = "Column whose values are the groups scored (the audited models).")
  private String groupColumn;

  @Option(names = "--expect", paramLabel = "LHS~RHS=+|-",
      description = "An expected path and its human sign, e.g. 'AODS~PSA=+'; repeat for each path.")
  private List<String> expect = new ArrayList<>();

  @Option(names = "--reference-group", paramLabel = "NAME",
      description = "Instead of --expect: the group of the data that holds human answers; the "
          + "expected signs are those of its regression paths significant at --alpha (the others"
          + " are left out of VAAR), and it is not scored itself.")
  private String referenceGroup;

  @Option(names = "--alpha", paramLabel = "A", defaultValue = "0.05",
      description = "Significance level a path needs to count. Default: ${DEFAULT-VALUE}.")
  private double alpha;

  @Option(names = "--estimator", paramLabel = "ML|MLR", defaultValue = "ML",
      description = "ML, or MLR for robust (Huber-White) standard errors. Default: ${DEFAULT-VALUE}.")
  private FitOptions.Estimator estimator;

  @Option(names = "--bootstrap", paramLabel = "B", defaultValue = "1000",
      description = "Bootstrap replicates per group (0: none). Default: ${DEFAULT-VALUE}.")
  private int bootstrap;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
      description = "Seed of the bootstrap. Default: ${DEFAULT-VALUE}.")
  private long seed;

  @Option(names = "--json", description = "Print the result as JSON instead of a table.")
  private boolean json;

  @Override
  public Integer call() {
    List<ExpectedPath> expected = expectedPaths();
    VaarBootstrap.Settings resampling = bootstrapSettings();
    SemModel model = inputs.readModel();
    List<String> variables = inputs.observedVariables(model);
    SemData data = inputs.readData(variables, groupColumn);
    SemFit fit = fit(model, data);
    ReferenceGroup reference = reference(fit, data);
    if (reference != null) {
      expected = reference.expected();
    }
    List<VaarScore.GroupVaar> groups = score(fit, expected).stream()
        .filter(group -> !group.group().equals(referenceGroup)).toList();
    List<String> scored = new ArrayList<>();
    List<double[][]> scoredRows = new ArrayList<>();
    for (int g = 0; g < data.groupNames().size(); g++) {
      if (!data.groupNames().get(g).equals(referenceGroup)) {
        scored.add(data.groupNames().get(g));
        scoredRows.add(data.rows(g));
      }
    }
    VaarBootstrap.Result intervals = resampling.replicates() == 0 ? null
        : VaarBootstrap.run(model, variables, scored, scoredRows, expected, alpha, resampling);
    String output = json
        ? VaarScoreJson.write(alpha, estimator.name(), expected, reference, groups, intervals)
        : ScoreTable.format(alpha, estimator.name(), reference, groups, intervals);
    PrintWriter out = spec.commandLine().getOut();
    out.print(output);
    out.flush();
    return 0;
  }

  private List<ExpectedPath> expectedPaths() {
    if (!(alpha > 0 && alpha < 1)) {
      throw CliError.badInput("--alpha must lie between 0 and 1 (got " + alpha + ")");
    }
    if (expect.isEmpty() == (referenceGroup == null)) {
      throw CliError.badInput("give the expected signs either as --expect paths or as "
          + "--reference-group NAME (a group of human answers), " + (expect.isEmpty()
              ? "not neither" : "not both"));
    }
    List<ExpectedPath> paths = new ArrayList<>();
    for (String text : expect) {
      try {
        paths.add(ExpectedPath.parse(text));
      } catch (IllegalArgumentException e) {
        throw CliError.badInput("--expect: " + e.getMessage(), e);
      }
    }
    return paths;
  }

  private VaarBootstrap.Settings bootstrapSettings() {
    try {
      return new VaarBootstrap.Settings(bootstrap, seed);
    } catch (IllegalArgumentException e) {
      throw CliError.badInput("--bootstrap: " + e.getMessage(), e);
    }
  }

  private SemFit fit(SemModel model, SemData data) {
    try {
      return SemFitEngine.DEFAULT.fit(model, data, FitOptions.ml().withEstimator(estimator));
    } catch (SemInputException e) {
      throw CliError.badInput(e.getMessage(), e);
    } catch (SemConvergenceException e) {
      throw CliError.runFailed(e.getMessage(), e);
    }
  }

  /** The reference group's paths and signs, or null when the signs come from --expect. */
  private ReferenceGroup reference(SemFit fit, SemData data) {
    if (referenceGroup == null) {
      return null;
    }
    if (!data.groupNames().contains(referenceGroup)) {
      throw CliError.badInput("--reference-group " + referenceGroup + ": no such group in column '"
          + groupColumn + "' of " + inputs.dataFile + " (groups: "
          + String.join(", ", data.groupNames()) + ")");
    }
    if (data.groupNames().size() < 2) {
      throw CliError.badInput("--reference-group " + referenceGroup + " is the only group of "
          + inputs.dataFile + "; add the groups to score");
    }
    ReferenceGroup reference;
    try {
      reference = ReferenceGroup.fromFit(fit, referenceGroup, alpha,
          inputs.dataFile.toString(),
          data.rows(data.groupNames().indexOf(referenceGroup)).length);
      reference.expected();
    } catch (IllegalArgumentException e) {
      throw CliError.runFailed(e.getMessage(), e);
    }
    return reference;
  }

  private List<VaarScore.GroupVaar> score(SemFit fit, List<ExpectedPath> expected) {
    try {
      return VaarScore.score(fit, expected, alpha);
    } catch (IllegalArgumentException e) {
      throw CliError.badInput(inputs.modelFile + ": " + e.getMessage(), e);
    }
  }

}

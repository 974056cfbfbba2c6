package io.vaar.transforms.config;

import io.vaar.sem.FitOptions;
import io.vaar.sem.InvarianceSequence;
import io.vaar.transforms.analysis.AnalysisSettings;
import io.vaar.transforms.analysis.VaarBootstrap;
import io.vaar.transforms.protocol.ProtocolSettings;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The run config's {@code run:} section, validated: the run's id (reruns with the same id resume
 * it), its seed, the personas (a generated panel of {@code personas} or a {@code personas_file}),
 * replicates, the output directory, the protocol's rules (history bound, block order, attempts)
 * and the analysis settings (α, bootstrap replicates, estimator {@code MLR} or {@code ML},
 * missing answers by {@code fiml} or {@code listwise}).
 */
public record RunSettings(String id, long seed, int personas, String personasFile,
    int replicates, String output, int historyTurns, int historyChars, List<String> blockOrder,
    int maxAttempts, double alpha, int bootstrap, String estimator, String missing)
    implements Serializable {

  public static final long DEFAULT_SEED = 42;
  public static final int DEFAULT_PERSONAS = 200;
  public static final double DEFAULT_ALPHA = 0.05;
  public static final int DEFAULT_BOOTSTRAP = 1000;

  public RunSettings {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(output, "output");
    blockOrder = List.copyOf(blockOrder);
  }

  /** The session rules of shared/docs/method.md with this run's settings. */
  public ProtocolSettings protocol() {
    return new ProtocolSettings(blockOrder, historyTurns, historyChars, maxAttempts);
  }

  /** How the answers are analysed: these settings with the method's comparison level. */
  public AnalysisSettings analysis() {
    return new AnalysisSettings(alpha, FitOptions.Estimator.valueOf(estimator),
        FitOptions.Missing.valueOf(missing.toUpperCase(Locale.ROOT)),
        InvarianceSequence.Level.METRIC);
  }

  /** The bootstrap of VAAR: {@code bootstrap} replicates seeded by the run's seed. */
  public VaarBootstrap.Settings bootstrapSettings() {
    return new VaarBootstrap.Settings(bootstrap, seed);
  }

  /**
   * The same settings under another run id (the command line's {@code --run-id}). An output left
   * at its default, {@code runs/<id>}, follows the new id, so that a dated run never lands in
   * the directory of the run it was copied from; any other output stays as it is.
   */
  public RunSettings withId(String other) {
    String movedOutput = output.equals(defaultOutput(id)) ? defaultOutput(other) : output;
    return new RunSettings(other, seed, personas, personasFile, replicates, movedOutput,
        historyTurns, historyChars, blockOrder, maxAttempts, alpha, bootstrap, estimator,
        missing);
  }

  /** Where a run writes when its config names no {@code output}. */
  static String defaultOutput(String id) {
    return "runs/" + id;
  }

  /** The same settings writing somewhere else (the command line's {@code --output}). */
  public RunSettings withOutput(String other) {
    return new RunSettings(id, seed, personas, personasFile, replicates, other, historyTurns,
        historyChars, blockOrder, maxAttempts, alpha, bootstrap, estimator, missing);
  }
}

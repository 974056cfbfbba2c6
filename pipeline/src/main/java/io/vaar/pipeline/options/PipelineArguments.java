package io.vaar.pipeline.options;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * Builds the validated {@link VaarPipelineOptions} of a run from the command line's runner
 * choice ({@code --runner direct|flink|dataflow}, {@code --flink-master HOST:PORT}) and the
 * extra Beam options given after {@code --} (such as {@code --parallelism=4} or
 * {@code --project=my-project}). Runner names go through Beam's own registrars, the same lookup a
 * cluster makes, so a runner missing from the runnable jar fails here and not at submission.
 * Every mistake is an {@link IllegalArgumentException} whose message says what to change, ready
 * for the command line's {@code vaar: } error line (which folds Beam's rare multi-line messages).
 */
public final class PipelineArguments {

  /** The runners a run can use, by their command-line names. */
  public enum Runner {
    DIRECT("DirectRunner"),
    FLINK("FlinkRunner"),
    DATAFLOW("DataflowRunner");

    private final String beamName;

    Runner(String beamName) {
      this.beamName = beamName;
    }

    /** The name on the command line: {@code direct}, {@code flink}, {@code dataflow}. */
    public String cliName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The runner named {@code name} on the command line, in any letter case. */
    public static Runner named(String name) {
      for (Runner runner : values()) {
        if (runner.cliName().equalsIgnoreCase(name.strip())) {
          return runner;
        }
      }
      throw new IllegalArgumentException("unknown runner '" + name + "'; choose one of: "
          + Arrays.stream(values()).map(Runner::cliName).collect(Collectors.joining(", ")));
    }
  }

  private static final Pattern HOST_PORT = Pattern.compile("([^:\\s/]+|\\[[0-9A-Fa-f:.]+\\]):(\\d{1,5})");

  // Options that the command line sets itself; after "--" they would compete with it.
  private static final List<String> SET_BY_COMMAND_LINE = List.of("runner", "flinkMaster");

  static {
    PipelineOptionsFactory.register(VaarPipelineOptions.class);
  }

  private PipelineArguments() {
  }

  /**
   * The options of a run on {@code runner}; {@code flinkMaster} (HOST:PORT, or null for a Flink
   * cluster inside this process) only with {@link Runner#FLINK}; {@code beamArguments} are passed
   * to Beam as they are.
   */
  public static VaarPipelineOptions parse(Runner runner, String flinkMaster,
      List<String> beamArguments) {
    List<String> arguments = new ArrayList<>();
    arguments.add("--runner=" + runner.beamName);
    if (flinkMaster != null) {
      if (runner != Runner.FLINK) {
        throw new IllegalArgumentException("--flink-master is for --runner flink, not --runner "
            + runner.cliName() + "; drop it or add --runner flink");
      }
      arguments.add("--flinkMaster=" + checkedHostPort(flinkMaster));
    }
    if (runner == Runner.FLINK && !mentions(beamArguments, "fasterCopy")) {
      // Beam's model already forbids DoFns to mutate their inputs, so Flink's defensive copy
      // of every element between operators is wasted work (and Flink warns without this).
      arguments.add("--fasterCopy=true");
    }
    for (String name : SET_BY_COMMAND_LINE) {
      if (mentions(beamArguments, name)) {
        throw new IllegalArgumentException("the Beam option --" + name + " is set by vaar's own"
            + " options; use --runner direct|flink|dataflow and --flink-master HOST:PORT instead");
      }
    }
    arguments.addAll(beamArguments);

    VaarPipelineOptions options;
    try {
      options = PipelineOptionsFactory.fromArgs(arguments.toArray(String[]::new))
          .withValidation()
          .as(VaarPipelineOptions.class);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("bad Beam pipeline option: " + e.getMessage(), e);
    }
    if (options.getArchiveShards() < 1) {
      throw new IllegalArgumentException("--archiveShards must be at least 1, not "
          + options.getArchiveShards());
    }
    return options;
  }

  /**
   * Like {@link #parse(Runner, String, List)} with the runner given by its command-line name;
   * null means the default, {@code direct}.
   */
  public static VaarPipelineOptions parse(String runner, String flinkMaster,
      List<String> beamArguments) {
    return parse(runner == null ? Runner.DIRECT : Runner.named(runner), flinkMaster,
        beamArguments);
  }

  private static String checkedHostPort(String flinkMaster) {
    Matcher matcher = HOST_PORT.matcher(flinkMaster.strip());
    if (!matcher.matches() || Integer.parseInt(matcher.group(2)) < 1
        || Integer.parseInt(matcher.group(2)) > 65535) {
      throw new IllegalArgumentException("--flink-master takes HOST:PORT of a Flink JobManager's"
          + " REST endpoint, such as localhost:8081, not '" + flinkMaster + "'");
    }
    return flinkMaster.strip();
  }

  /** Whether {@code arguments} set the Beam option {@code name} (as --name or --name=value). */
  private static boolean mentions(List<String> arguments, String name) {
    String flag = "--" + name;
    return arguments.stream().anyMatch(argument -> argument.equals(flag)
        || argument.startsWith(flag + "="));
  }
}

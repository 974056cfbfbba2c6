package io.vaar.pipeline;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The {@code vaar} command, the root of the command line that the {@code ./vaar} launcher runs:
 * it holds the global options ({@code --help}, {@code --version}, {@code --debug}) and the
 * subcommands, and it turns every failure into the contract's single stderr line
 * {@code vaar: <what is wrong and how to fix it>} with exit code 2 for bad usage or input and 1
 * for a run that failed. A Java stack trace is printed only when {@code --debug} is given.
 */
@Command(name = "vaar",
    mixinStandardHelpOptions = true,
    versionProvider = VaarCli.ManifestVersion.class,
    subcommands = {AuditCommand.class, ReplayCommand.class, SemCommand.class,
        ScoreCommand.class, HistoryCommand.class},
    description = "Value-action alignment audits of large language models.",
    footer = {"", "Exit codes: 0 success, 1 a run that failed (for example a fit that did not converge),"
        + " 2 bad usage or bad input, 3 drift found by history --fail-on-drift."})
public final class VaarCli implements Runnable {

  /** Exit code of a run that failed although its input was usable. */
  static final int EXIT_RUN_FAILED = 1;
  /** Exit code of bad usage or bad input. */
  static final int EXIT_BAD_INPUT = 2;

  @Spec
  private CommandSpec spec;

  @Option(names = "--debug", scope = ScopeType.INHERIT,
      description = "On an error, also print the Java stack trace.")
  private boolean debug;

  /** Runs the command line and exits the JVM with its exit code. */
  public static void main(String[] args) {
    System.exit(newCommandLine(SemFitEngine.DEFAULT).execute(args));
  }

  /** Called when no subcommand is given: that is a usage error, not a request for help. */
  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "no command given; choose one of: "
        + String.join(", ", spec.subcommands().keySet()));
  }

  /**
   * The configured command line; {@code engine} fits the SEM models, which tests replace to
   * reach failure paths without a real fit.
   */
  static CommandLine newCommandLine(SemFitEngine engine) {
    CommandLine.IFactory defaults = CommandLine.defaultFactory();
    CommandLine.IFactory factory = new CommandLine.IFactory() {
      @Override
      public <K> K create(Class<K> type) throws Exception {
        if (type == SemFitCommand.class) {
          return type.cast(new SemFitCommand(engine));
        }
        return defaults.create(type);
      }
    };
    CommandLine commandLine = new CommandLine(new VaarCli(), factory);
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setParameterExceptionHandler(new OneLineParameterErrors());
    commandLine.setExecutionExceptionHandler(new OneLineExecutionErrors());
    return commandLine;
  }

  /** Folds any message onto one line so that an error is always exactly one stderr line. */
  static String oneLine(String message) {
    if (message == null || message.isBlank()) {
      return "unknown error";
    }
    return message.strip().replaceAll("\\s*\\R\\s*", "; ");
  }

  private static void report(PrintWriter err, String message, Throwable debugTrace) {
    if (debugTrace != null) {
      debugTrace.printStackTrace(err);
    }
    err.println("vaar: " + oneLine(message));
    err.flush();
  }

  /** Usage errors found by picocli (unknown option, bad value, missing option): exit 2. */
  private static final class OneLineParameterErrors implements IParameterExceptionHandler {
    @Override
    public int handleParseException(ParameterException ex, String[] args) {
      CommandLine failed = ex.getCommandLine();
      boolean debug = Arrays.asList(args).contains("--debug");
      String help = "./" + failed.getCommandSpec().qualifiedName() + " --help";
      String message = ex.getMessage();
      // picocli checks required options before it complains about unknown ones, but an
      // unknown option is usually the cause (a misspelt --model, say), so it goes first.
      List<String> unknown = failed.getUnmatchedArguments();
      if (!unknown.isEmpty()) {
        message = ex instanceof UnmatchedArgumentException ? unmatched(failed, unknown)
            : unmatched(failed, unknown) + " (and " + lowerFirst(message) + ")";
      }
      report(failed.getErr(), message + "; try " + help, debug ? ex : null);
      return EXIT_BAD_INPUT;
    }
  }

  private static String unmatched(CommandLine failed, List<String> unknown) {
    String first = unknown.get(0);
    String more = unknown.size() == 1 ? "" : " (also unexpected: '"
        + String.join("', '", unknown.subList(1, unknown.size())) + "')";
    if (first.startsWith("-")) {
      return "unknown option '" + first + "'" + more;
    }
    if (!failed.getSubcommands().isEmpty()) {
      return "unknown command '" + first + "'; the commands are: "
          + String.join(", ", failed.getSubcommands().keySet());
    }
    return "unexpected argument '" + first + "'" + more + "; " + failed.getCommandSpec().qualifiedName()
        + " takes options only";
  }

  private static String lowerFirst(String text) {
    return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
  }

  /** Failures raised while a command runs: {@link CliError}s carry their exit code. */
  private static final class OneLineExecutionErrors implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine failed, ParseResult parsed) {
      Throwable trace = debugRequested(parsed) ? ex : null;
      if (ex instanceof CliError error) {
        report(failed.getErr(), error.getMessage(), trace);
        return error.exitCode();
      }
      // A bug, not bad input: the stack trace (with --debug) is what a report needs.
      String detail = ex.getMessage() == null ? "no details" : ex.getMessage();
      report(failed.getErr(), "unexpected internal error (" + detail
          + "); rerun with --debug to see where and report it", trace);
      return EXIT_RUN_FAILED;
    }

    private static boolean debugRequested(ParseResult parsed) {
      for (ParseResult level = parsed; level != null; level = level.subcommand()) {
        if (level.hasMatchedOption("--debug")) {
          return true;
        }
      }
      return false;
    }
  }

  /** The version line of {@code --version}. */
  static final class ManifestVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"vaar " + VaarVersion.get()};
    }
  }
}

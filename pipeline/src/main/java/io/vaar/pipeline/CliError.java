package io.vaar.pipeline;

/**
 * A failure the user can act on, already phrased as the one line shown after {@code vaar: },
 * with the exit code of the command-line contract: {@link #badInput} for bad usage or input
 * (2), {@link #runFailed} for a run that failed although its input was usable (1). The cause
 * is kept for {@code --debug}.
 */
final class CliError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int exitCode;

  private CliError(String message, int exitCode, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  static CliError badInput(String message, Throwable cause) {
    return new CliError(message, VaarCli.EXIT_BAD_INPUT, cause);
  }

  static CliError badInput(String message) {
    return badInput(message, null);
  }

  static CliError runFailed(String message, Throwable cause) {
    return new CliError(message, VaarCli.EXIT_RUN_FAILED, cause);
  }

  int exitCode() {
    return exitCode;
  }
}

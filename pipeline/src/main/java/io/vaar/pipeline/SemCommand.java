package io.vaar.pipeline;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The {@code vaar sem} command group: structural equation modelling on a data file with the
 * vaar SEM engine, which reproduces lavaan's estimates and fit measures. It only dispatches to
 * its subcommands; given none, it is a usage error that names them.
 */
@Command(name = "sem",
    mixinStandardHelpOptions = true,
    versionProvider = VaarCli.ManifestVersion.class,
    subcommands = {SemFitCommand.class},
    description = "Structural equation models (lavaan syntax and numbers).")
public final class SemCommand implements Runnable {

  @Spec
  private CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "no sem command given; choose one of: "
        + String.join(", ", spec.subcommands().keySet()));
  }
}

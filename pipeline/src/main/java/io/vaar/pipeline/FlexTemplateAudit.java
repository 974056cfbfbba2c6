package io.vaar.pipeline;

import io.vaar.pipeline.options.AuditTemplateOptions;
import java.io.PrintWriter;
import java.util.Arrays;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * The entry point of vaar's Dataflow Flex Template ({@code deploy/dataflow/}): the template
 * launcher calls {@link #main} with the template's parameters ({@code --config}, optionally
 * {@code --runId}, {@code --output} and {@code --archiveShards}) and Dataflow's options ({@code --runner},
 * {@code --project}, {@code --region}, {@code --tempLocation} …) as {@code --name=value}. It
 * launches the audit as {@code ./vaar audit} does ({@link AuditLaunch}), except that on
 * Dataflow it only submits the job and returns (the launcher must not wait for the job to end),
 * while on any other runner (the direct runner, in tests) it runs the audit to its end. A
 * mistake is one {@code vaar: } line on stderr and a non-zero exit, as on the command line.
 */
public final class FlexTemplateAudit {

  static {
    PipelineOptionsFactory.register(AuditTemplateOptions.class);
  }

  private FlexTemplateAudit() {
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    System.exit(run(args, out, err));
  }

  /** Launches the audit the arguments describe; returns the exit code. */
  static int run(String[] args, PrintWriter out, PrintWriter err) {
    try {
      AuditTemplateOptions options = parse(args);
      FileSystems.setDefaultPipelineOptions(options);
      // RunOptions' run id and output have defaults; only those actually given replace the
      // config's run.id and run.output.
      String runId = given(args, "runId") ? options.getRunId() : null;
      String output = given(args, "output") ? options.getOutput() : null;
      return AuditLaunch.launch(AuditLaunch.loadConfig(options.getConfig(), runId, output),
          options, options.getRunner().getSimpleName(),
          RunnerOptions.onDataflow(options) ? AuditLaunch.Completion.SUBMIT
              : AuditLaunch.Completion.FOLLOW, out);
    } catch (CliError e) {
      err.println("vaar: " + e.getMessage().lines().findFirst().orElse(""));
      return e.exitCode();
    }
  }

  private static boolean given(String[] args, String option) {
    return Arrays.stream(args).anyMatch(arg -> arg.startsWith("--" + option + "="));
  }

  private static AuditTemplateOptions parse(String[] args) {
    try {
      return PipelineOptionsFactory.fromArgs(args).withValidation()
          .as(AuditTemplateOptions.class);
    } catch (IllegalArgumentException e) {
      throw CliError.badInput("bad template parameter: " + e.getMessage(), e);
    }
  }
}

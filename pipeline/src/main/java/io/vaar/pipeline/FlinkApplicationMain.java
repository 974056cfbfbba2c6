package io.vaar.pipeline;

/**
 * The entry class of vaar as a Flink application cluster (the Flink Kubernetes Operator's
 * {@code FlinkDeployment} in application mode, {@code deploy/k8s/large-run/large-audit.yaml}): the same
 * command line as {@link VaarCli}, run inside the JobManager. It differs in one thing: it never
 * calls {@code System.exit}. In application mode the {@code main} method runs in the JobManager's
 * own JVM, and exiting it would kill the JobManager the moment the audit ended; Kubernetes would
 * restart the pod and Flink would run the application — the whole audit — again, forever. So a
 * command that succeeded simply returns (the cluster then reports the job finished), and one that
 * failed throws, which marks the application failed; its one-line error is already on stderr.
 */
public final class FlinkApplicationMain {

  private FlinkApplicationMain() {
  }

  /** Runs the command line like {@code ./vaar}; a non-zero exit code becomes an exception. */
  public static void main(String[] args) {
    int exitCode = VaarCli.newCommandLine(SemFitEngine.DEFAULT).execute(args);
    if (exitCode != 0) {
      throw new ApplicationFailed(exitCode);
    }
  }

  /** A vaar command that ended with a non-zero exit code inside a Flink application cluster. */
  static final class ApplicationFailed extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    ApplicationFailed(int exitCode) {
      super("vaar ended with exit code " + exitCode + " (see the 'vaar:' line above for why)");
      this.exitCode = exitCode;
    }

    int exitCode() {
      return exitCode;
    }
  }
}

package io.vaar.pipeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;

import org.junit.jupiter.api.Test;

/** The root command: version, help that lists only working commands, and usage errors. */
class VaarCliTest {

  private static final SemFitEngine MUST_NOT_FIT = (model, data, options) -> {
    throw new AssertionError("no fit expected");
  };

  @Test
  void versionComesFromTheBuild() {
    CliRun run = CliRun.of(MUST_NOT_FIT, "--version");
    assertThat(run.exitCode(), equalTo(0));
    assertThat(run.out().strip(), matchesPattern("vaar \\d+\\.\\d+\\.\\d+.*"));
    assertThat(run.err(), emptyString());
  }

  @Test
  void helpListsEveryCommand() {
    CliRun run = CliRun.of(MUST_NOT_FIT, "--help");
    assertThat(run.exitCode(), equalTo(0));
    for (String built : new String[] {"audit", "replay", "sem", "score", "history"}) {
      assertThat(run.out(), containsString("\n  " + built + " "));
    }
    assertThat(run.out(), containsString("--debug"));
  }

  @Test
  void scoreHelpDocumentsEveryOption() {
    CliRun run = CliRun.of(MUST_NOT_FIT, "score", "--help");
    assertThat(run.exitCode(), equalTo(0));
    for (String option : new String[] {"--model", "--data", "--group", "--expect", "--alpha",
        "--estimator", "--bootstrap", "--seed", "--json"}) {
      assertThat(run.out(), containsString(option));
    }
  }

  @Test
  void semFitHelpDocumentsEveryOption() {
    CliRun run = CliRun.of(MUST_NOT_FIT, "sem", "fit", "--help");
    assertThat(run.exitCode(), equalTo(0));
    for (String option : new String[] {"--model", "--data", "--group", "--group-equal", "--estimator",
        "--missing", "--std", "--json", "--repeat"}) {
      assertThat(run.out(), containsString(option));
    }
  }

  @Test
  void noCommandIsAUsageError() {
    CliRun run = CliRun.of(MUST_NOT_FIT);
    assertThat(run.exitCode(), equalTo(2));
    assertThat(run.out(), emptyString());
    assertThat(run.errLines(), hasSize(1));
    assertThat(run.err(), containsString("vaar: no command given; choose one of: audit, replay, sem"));
  }

  @Test
  void semWithoutSubcommandIsAUsageError() {
    CliRun run = CliRun.of(MUST_NOT_FIT, "sem");
    assertThat(run.exitCode(), equalTo(2));
    assertThat(run.errLines(), hasSize(1));
    assertThat(run.err(), containsString("choose one of: fit"));
  }

  @Test
  void unknownCommandIsAUsageError() {
    CliRun run = CliRun.of(MUST_NOT_FIT, "histroy");
    assertThat(run.exitCode(), equalTo(2));
    assertThat(run.out(), emptyString());
    assertThat(run.errLines(), hasSize(1));
    assertThat(run.err(), containsString("vaar: unknown command 'histroy'; the commands are:"
        + " audit, replay, sem, score, history"));
  }
}

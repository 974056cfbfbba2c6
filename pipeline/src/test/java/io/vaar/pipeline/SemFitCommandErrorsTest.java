package io.vaar.pipeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.vaar.sem.SemConvergenceException;
import io.vaar.sem.SemInputException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every failure of {@code vaar sem fit} is one stderr line starting {@code vaar: } that names the
 * problem, with exit code 2 for bad usage or input and 1 for a fit that failed, no stack trace
 * and nothing on stdout.
 */
class SemFitCommandErrorsTest {

  /** Fails the test if the command gets as far as fitting. */
  private static final SemFitEngine MUST_NOT_FIT = (model, data, options) -> {
    throw new AssertionError("the command should have failed before fitting");
  };

  @TempDir
  Path dir;

  private String model;
  private String data;

  @BeforeEach
  void resources() throws URISyntaxException {
    model = Path.of(getClass().getResource("/hs.lav").toURI()).toString();
    data = Path.of(getClass().getResource("/HolzingerSwineford1939.csv").toURI()).toString();
  }

  private static CliRun fit(SemFitEngine engine, String... args) {
    List<String> all = new ArrayList<>(List.of("sem", "fit"));
    all.addAll(List.of(args));
    return CliRun.of(engine, all.toArray(String[]::new));
  }

  /** The contract's shape of an error: one line, the exit code, no trace, empty stdout. */
  private static void assertOneLineError(CliRun run, int exitCode, String... mentions) {
    assertThat("stdout", run.out(), emptyString());
    assertThat(run.err(), run.errLines(), hasSize(1));
    String line = run.errLines().get(0);
    assertThat(line, startsWith("vaar: "));
    assertThat(line, not(containsString("Exception")));
    assertThat(line, not(containsString("at io.")));
    assertThat(line, not(containsString("at picocli.")));
    for (String mention : mentions) {
      assertThat(line, containsString(mention));
    }
    assertThat(run.err(), run.exitCode(), equalTo(exitCode));
  }

  @Test
  void unknownOptionIsAUsageError() {
    CliRun run = fit(MUST_NOT_FIT, "--model", model, "--data", data, "--modle", "x.lav");
    assertOneLineError(run, 2, "unknown option '--modle'", "./vaar sem fit --help");
  }

  @Test
  void unknownOptionIsNamedBeforeTheMissingRequiredOptions() {
    CliRun run = fit(MUST_NOT_FIT, "--foo");
    assertOneLineError(run, 2, "unknown option '--foo'", "--model", "--data");
  }

  @Test
  void missingRequiredOptionsAreAUsageError() {
    CliRun run = fit(MUST_NOT_FIT, "--model", model);
    assertOneLineError(run, 2, "--data", "./vaar sem fit --help");
  }

  @Test
  void strayArgumentIsAUsageError() {
    CliRun run = fit(MUST_NOT_FIT, "--model", model, "--data", data, "extra");
    assertOneLineError(run, 2, "unexpected argument 'extra'");
  }

  @Test
  void missingModelFileIsBadInput() {
    CliRun run = fit(MUST_NOT_FIT, "--model", dir.resolve("nope.lav").toString(), "--data", data);
    assertOneLineError(run, 2, "nope.lav", "not found", "--model");
  }

  @Test
  void missingDataFileIsBadInput() {
    CliRun run = fit(MUST_NOT_FIT, "--model", model, "--data", dir.resolve("nope.csv").toString());
    assertOneLineError(run, 2, "nope.csv", "not found", "--data");
  }

  @Test
  void modelSyntaxErrorNamesFileLineAndColumn() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.lav"), "visual =~ x1 + x2 + x3\ntextual =~ x4 + + x5\n");
    CliRun run = fit(MUST_NOT_FIT, "--model", bad.toString(), "--data", data);
    assertOneLineError(run, 2, "bad.lav line 2, column ");
  }

  @Test
  void emptyModelIsBadInput() throws IOException {
    Path empty = Files.writeString(dir.resolve("empty.lav"), "# nothing yet\n");
    CliRun run = fit(MUST_NOT_FIT, "--model", empty.toString(), "--data", data);
    assertOneLineError(run, 2, "empty.lav", "empty");
  }

  @Test
  void modelVariableMissingFromTheDataIsBadInput() throws IOException {
    Path wide = Files.writeString(dir.resolve("wide.lav"), "visual =~ x1 + x2 + x10\n");
    CliRun run = fit(MUST_NOT_FIT, "--model", wide.toString(), "--data", data);
    assertOneLineError(run, 2, "column 'x10' is not in the data");
  }

  @Test
  void groupColumnMissingFromTheDataIsBadInput() {
    CliRun run = fit(MUST_NOT_FIT, "--model", model, "--data", data, "--group", "schol");
    assertOneLineError(run, 2, "column 'schol' is not in the data");
  }

  @Test
  void nonNumericCellIsBadInput() throws IOException {
    Path csv = Files.writeString(dir.resolve("cells.csv"),
        "x1,x2,x3,x4,x5,x6,x7,x8,x9\n1,2,3,4,5,6,7,8,9\n1,2,three,4,5,6,7,8,9\n");
    CliRun run = fit(MUST_NOT_FIT, "--model", model, "--data", csv.toString());
    assertOneLineError(run, 2, "cells.csv line 3", "'x3'", "'three' is not a number");
  }

  @Test
  void unknownGroupEqualWordIsBadInput() {
    CliRun run = fit(MUST_NOT_FIT, "--model", model, "--data", data, "--group", "school",
        "--group-equal", "loadings,intercept");
    assertOneLineError(run, 2, "unknown --group-equal word 'intercept'", "intercepts");
  }

  @Test
  void repeatBelowOneIsBadInput() {
    CliRun run = fit(MUST_NOT_FIT, "--model", model, "--data", data, "--repeat", "0");
    assertOneLineError(run, 2, "--repeat must be at least 1");
  }

  @Test
  void nonNumericRepeatIsAUsageError() {
    CliRun run = fit(MUST_NOT_FIT, "--model", model, "--data", data, "--repeat", "many");
    assertOneLineError(run, 2, "--repeat", "many");
  }

  @Test
  void unknownEstimatorIsAUsageError() {
    CliRun run = fit(MUST_NOT_FIT, "--model", model, "--data", data, "--estimator", "GLS");
    assertOneLineError(run, 2, "--estimator", "GLS", "ML, MLR");
  }

  @Test
  void unknownMissingMethodIsAUsageError() {
    CliRun run = fit(MUST_NOT_FIT, "--model", model, "--data", data, "--missing", "pairwise");
    assertOneLineError(run, 2, "--missing", "pairwise", "listwise or fiml");
  }

  @Test
  void semInputExceptionFromTheFitIsBadInput() {
    SemFitEngine unidentified = (m, d, o) -> {
      throw new SemInputException("the model is not identified: 22 free parameters but only 20 moments;"
          + " fix a loading or drop a path");
    };
    CliRun run = fit(unidentified, "--model", model, "--data", data);
    assertOneLineError(run, 2, "not identified");
  }

  @Test
  void nonConvergenceIsAFailedRun() {
    SemFitEngine diverging = (m, d, o) -> {
      throw new SemConvergenceException("no convergence after 500 iterations; check the model");
    };
    CliRun run = fit(diverging, "--model", model, "--data", data, "--json");
    assertOneLineError(run, 1, "no convergence after 500 iterations");
  }

  @Test
  void unexpectedFailureIsOneLineToo() {
    SemFitEngine broken = (m, d, o) -> {
      throw new IllegalStateException("matrix of the wrong size");
    };
    CliRun run = fit(broken, "--model", model, "--data", data);
    assertOneLineError(run, 1, "matrix of the wrong size", "--debug");
  }

  @Test
  void debugShowsTheStackTraceBeforeTheErrorLine() {
    SemFitEngine diverging = (m, d, o) -> {
      throw new SemConvergenceException("no convergence after 500 iterations");
    };
    CliRun run = fit(diverging, "--debug", "--model", model, "--data", data);
    assertThat(run.out(), emptyString());
    assertThat(run.exitCode(), equalTo(1));
    assertThat(run.errLines().size(), greaterThan(3));
    assertThat(run.err(), containsString("SemConvergenceException"));
    assertThat(run.err(), containsString("at io.vaar.pipeline.SemFitCommand"));
    assertThat(run.errLines().get(run.errLines().size() - 1),
        equalTo("vaar: no convergence after 500 iterations"));
  }

  @Test
  void debugGivenBeforeTheCommandWorksForUsageErrorsToo() {
    CliRun run = CliRun.of(MUST_NOT_FIT, "--debug", "sem", "fit", "--model", model);
    assertThat(run.exitCode(), equalTo(2));
    assertThat(run.err(), containsString("MissingParameterException"));
    assertThat(run.errLines().get(run.errLines().size() - 1), startsWith("vaar: "));
  }
}

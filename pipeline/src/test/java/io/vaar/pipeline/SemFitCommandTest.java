package io.vaar.pipeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vaar.sem.FitOptions;
import io.vaar.sem.SemData;
import io.vaar.sem.model.GroupEqual;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What {@code vaar sem fit} hands the fitter and how it prints the result, with a hand-built
 * fit in place of the SEM engine.
 */
class SemFitCommandTest {

  private String model;
  private String data;
  private final List<SemData> seenData = new ArrayList<>();
  private final List<FitOptions> seenOptions = new ArrayList<>();

  @BeforeEach
  void resources() throws URISyntaxException {
    model = Path.of(getClass().getResource("/hs.lav").toURI()).toString();
    data = Path.of(getClass().getResource("/HolzingerSwineford1939.csv").toURI()).toString();
  }

  private SemFitEngine recording(boolean converged) {
    return (m, d, o) -> {
      seenData.add(d);
      seenOptions.add(o);
      return HandBuiltFits.twoGroups(converged);
    };
  }

  @Test
  void groupsAreTheDataValuesInOrderOfFirstAppearance() {
    CliRun run = CliRun.of(recording(true), "sem", "fit", "--model", model, "--data", data,
        "--group", "school");
    assertThat(run.err(), run.exitCode(), equalTo(0));
    SemData given = seenData.get(0);
    assertThat(given.groupNames(), contains("Pasteur", "Grant-White"));
    assertThat(given.variables(), contains("x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9"));
    assertThat(given.rows(0).length, equalTo(156));
    assertThat(given.rows(1).length, equalTo(145));
  }

  @Test
  void optionsReachTheFitter() {
    CliRun run = CliRun.of(recording(true), "sem", "fit", "--model", model, "--data", data,
        "--group", "school", "--group-equal", "loadings, intercepts", "--estimator", "mlr",
        "--missing", "FIML");
    assertThat(run.err(), run.exitCode(), equalTo(0));
    FitOptions options = seenOptions.get(0);
    assertThat(options.estimator(), equalTo(FitOptions.Estimator.MLR));
    assertThat(options.missing(), equalTo(FitOptions.Missing.FIML));
    assertThat(options.groupEqual(), equalTo(EnumSet.of(GroupEqual.LOADINGS, GroupEqual.INTERCEPTS)));
  }

  @Test
  void defaultsAreMlListwiseAndNoConstraints() {
    CliRun run = CliRun.of(recording(true), "sem", "fit", "--model", model, "--data", data);
    assertThat(run.err(), run.exitCode(), equalTo(0));
    assertThat(seenOptions.get(0), equalTo(FitOptions.ml()));
    assertThat(seenData.get(0).groupNames(), hasSize(1));
  }

  @Test
  void jsonHasTheContractsKeysInOrderAndTheRepeatCount() throws Exception {
    CliRun run = CliRun.of(recording(true), "sem", "fit", "--model", model, "--data", data,
        "--group", "school", "--json", "--repeat", "5");
    assertThat(run.err(), run.exitCode(), equalTo(0));
    assertThat(run.err(), emptyString());
    assertThat(seenData, hasSize(5));
    JsonNode json = new ObjectMapper().readTree(run.out());
    List<String> keys = new ArrayList<>();
    json.fieldNames().forEachRemaining(keys::add);
    assertThat(keys.subList(0, 6), contains("converged", "estimator", "groups", "fit", "parameters", "timing"));
    assertThat(json.get("groups").toString(), equalTo("[\"Pasteur\",\"Grant-White\"]"));
    assertThat(json.get("timing").get("repeats").asInt(), equalTo(5));
    assertThat(json.get("timing").get("median_ms").isNumber(), equalTo(true));
  }

  @Test
  void ungroupedJsonHasNoGroupNamesAsInLavaan() throws Exception {
    CliRun run = CliRun.of(recording(true), "sem", "fit", "--model", model, "--data", data, "--json");
    assertThat(run.err(), run.exitCode(), equalTo(0));
    assertThat(new ObjectMapper().readTree(run.out()).get("groups").size(), equalTo(0));
  }

  @Test
  void textSummaryShowsStandardizedColumnsOnlyWithStd() {
    CliRun plain = CliRun.of(recording(true), "sem", "fit", "--model", model, "--data", data,
        "--group", "school");
    assertThat(plain.out(), containsString("Group 2 [Grant-White]:"));
    assertThat(plain.out(), containsString("Estimate  Std.Err  z-value  P(>|z|)\n"));
    assertThat(plain.out(), not(containsString("Std.lv")));
    assertThat(plain.out(), not(containsString("Median wall time")));

    CliRun std = CliRun.of(recording(true), "sem", "fit", "--model", model, "--data", data,
        "--group", "school", "--std", "--repeat", "2");
    assertThat(std.out(), containsString("Std.lv  Std.all\n"));
    assertThat(std.out(), containsString("Median wall time of one fit over 2 fits: "));
  }

  @Test
  void fitThatDidNotConvergeIsPrintedButFailsTheRun() throws Exception {
    CliRun run = CliRun.of(recording(false), "sem", "fit", "--model", model, "--data", data,
        "--group", "school", "--json");
    assertThat(run.exitCode(), equalTo(1));
    assertThat(new ObjectMapper().readTree(run.out()).get("converged").asBoolean(), equalTo(false));
    assertThat(run.errLines(), hasSize(1));
    assertThat(run.err(), containsString("vaar: the fit did not converge after 42 iterations"));
  }
}

package io.vaar.pipeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vaar.transforms.storage.RunStorage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./vaar history} as a scheduled audit uses it: three weekly audits of two simulated
 * models run through the command line into one folder — {@code sim-steady} answers as an aligned
 * respondent every week, {@code sim-watched} turns from aligned to inverted in the third week —
 * then history over that folder must flag the third week's changes of {@code sim-watched}, and
 * nothing else. A fourth run that never finished is listed as skipped.
 */
class HistoryCommandTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path work;
  static Path runs;

  static String config(String id, int seed, String watchedProfile) {
    return String.join("\n",
        "run:",
        "  id: " + id,
        "  seed: " + seed,
        "  personas: 120",
        "  estimator: ML",
        "  missing: listwise",
        "  bootstrap: 200",
        "models:",
        "  - id: sim-steady",
        "    provider: simulated",
        "    profile: aligned",
        "  - id: sim-watched",
        "    provider: simulated",
        "    profile: " + watchedProfile,
        "");
  }

  @BeforeAll
  static void runThreeWeeklyAudits() throws IOException {
    runs = work.resolve("runs");
    String[][] weeks = {{"weekly-46", "46", "aligned"}, {"weekly-47", "47", "aligned"},
        {"weekly-48", "48", "inverted"}};
    for (String[] week : weeks) {
      Path config = work.resolve(week[0] + ".yaml");
      Files.writeString(config, config(week[0], Integer.parseInt(week[1]), week[2]));
      CliRun audit = CliRun.of(AuditRunTest.NO_FIT, "audit", "--config", config.toString(),
          "--output", runs.resolve(week[0]).toString());
      assertThat(audit.err(), audit.exitCode(), equalTo(0));
    }
    Path killed = Files.createDirectories(runs.resolve("weekly-49"));
    Files.writeString(killed.resolve("manifest.json"), "{\"run_id\": \"weekly-49\","
        + " \"status\": \"running\", \"timings\": {\"started\": \"2099-01-01T00:00:00Z\"}}");
  }

  @Test
  void theTableLinesUpTheRunsAndFlagsOnlyTheTurnedModel() {
    CliRun history = CliRun.of(AuditRunTest.NO_FIT, "history", "--runs", runs.toString());
    assertThat(history.err(), history.exitCode(), equalTo(0));
    List<String> lines = history.out().lines().toList();
    assertThat(history.out(), lines.get(0), startsWith("3 runs, oldest first"));
    List<String> changed = lines.stream().filter(line -> line.contains("CHANGED")).toList();
    assertThat(history.out(), changed, hasSize(1));
    assertThat(changed.get(0), containsString("weekly-48"));
    assertThat(changed.get(0), containsString("VAAR, AODS~CTRL, AODS~AWARE, AODS~COLL,"
        + " AODS~PSA"));
    assertThat(history.out(), containsString("Drift (95% bootstrap intervals do not overlap):"
        + " 5 changes"));
    assertThat(history.out(), containsString("  sim-watched  VAAR: 1.000 [0.750, 1.000] in"
        + " weekly-47 -> 0.000 [0.000, 0.000] in weekly-48"));
    assertThat(history.out(), containsString("skipped: " + runs.resolve("weekly-49")
        + ": no analysis/vaar.json (status running)"));
  }

  @Test
  void theJsonNamesEachChangeWithBothIntervals() throws IOException {
    CliRun history = CliRun.of(AuditRunTest.NO_FIT, "history", "--json", "--runs",
        runs.resolve("weekly-48").toString(), runs.resolve("weekly-46").toString(),
        runs.resolve("weekly-47").toString());
    assertThat(history.err(), history.exitCode(), equalTo(0));
    JsonNode json = JSON.readTree(history.out());
    List<String> order = new ArrayList<>();
    json.path("runs").forEach(run -> order.add(run.path("run_id").asText()));
    assertThat(order, equalTo(List.of("weekly-46", "weekly-47", "weekly-48")));
    assertThat(json.path("drift_detected").asBoolean(), equalTo(true));
    Set<String> drifted = new HashSet<>();
    for (JsonNode drift : json.path("drift")) {
      drifted.add(drift.path("model").asText() + " " + drift.path("to").path("run_id").asText());
      assertThat(drift.path("from").path("run_id").asText(), equalTo("weekly-47"));
      assertThat(drift.path("from").path("ci").size(), equalTo(2));
    }
    assertThat(drifted, equalTo(Set.of("sim-watched weekly-48")));
    JsonNode steady = json.path("models").get(0);
    assertThat(steady.path("model").asText(), equalTo("sim-steady"));
    assertThat(steady.path("runs").size(), equalTo(3));
    assertThat(steady.path("runs").get(2).path("vaar").asDouble(), equalTo(1.0));
    assertThat(steady.path("runs").get(2).path("paths").size(), equalTo(4));
  }

  @Test
  void failOnDriftExitsWithCodeThreeOnlyWhenSomethingChanged() {
    CliRun drifted = CliRun.of(AuditRunTest.NO_FIT, "history", "--fail-on-drift", "--runs",
        runs.toString());
    assertThat(drifted.exitCode(), equalTo(HistoryCommand.EXIT_DRIFT));
    CliRun steady = CliRun.of(AuditRunTest.NO_FIT, "history", "--fail-on-drift", "--runs",
        runs.resolve("weekly-46").toString(), runs.resolve("weekly-47").toString());
    assertThat(steady.err(), steady.exitCode(), equalTo(0));
    assertThat(steady.out(), containsString("No drift: every VAAR and path interval overlaps"));
    assertThat(steady.out(), not(containsString("CHANGED")));
  }

  @Test
  void againstFirstComparesEveryRunWithTheFirst() throws IOException {
    CliRun history = CliRun.of(AuditRunTest.NO_FIT, "history", "--against", "first", "--json",
        "--runs", runs.toString());
    JsonNode json = JSON.readTree(history.out());
    assertThat(json.path("baseline").asText(), equalTo("first"));
    for (JsonNode drift : json.path("drift")) {
      assertThat(drift.path("from").path("run_id").asText(), equalTo("weekly-46"));
    }
  }

  @Test
  void runsInCloudStorageAreReadThroughBeamsFileSystems() throws IOException {
    FileSystems.setDefaultPipelineOptions(PipelineOptionsFactory.create());
    String bucket = "mem://history-" + UUID.randomUUID() + "/runs";
    for (String week : List.of("weekly-46", "weekly-47", "weekly-48")) {
      RunStorage remote = RunStorage.at(bucket + "/" + week);
      for (String file : List.of("manifest.json", "analysis/vaar.json")) {
        remote.writeText(file, Files.readString(runs.resolve(week).resolve(file)));
      }
    }
    CliRun local = CliRun.of(AuditRunTest.NO_FIT, "history", "--runs",
        runs.resolve("weekly-46").toString(), runs.resolve("weekly-47").toString(),
        runs.resolve("weekly-48").toString());
    CliRun remote = CliRun.of(AuditRunTest.NO_FIT, "history", "--runs", bucket);
    assertThat(remote.err(), remote.exitCode(), equalTo(0));
    assertThat(remote.out(), equalTo(local.out()));
    CliRun json = CliRun.of(AuditRunTest.NO_FIT, "history", "--json", "--runs", bucket);
    assertThat(json.out(), containsString("\"directory\" : \"" + bucket + "/weekly-48\""));
  }

  @Test
  void badRunsAreOneLineAndExitCodeTwo() throws IOException {
    CliRun missing = CliRun.of(AuditRunTest.NO_FIT, "history", "--runs",
        work.resolve("nowhere").toString());
    assertThat(missing.exitCode(), equalTo(2));
    assertThat(missing.errLines(), hasSize(1));
    assertThat(missing.err(), containsString("no such directory"));

    Path empty = Files.createDirectories(work.resolve("empty"));
    CliRun none = CliRun.of(AuditRunTest.NO_FIT, "history", "--runs", empty.toString());
    assertThat(none.exitCode(), equalTo(2));
    assertThat(none.errLines(), hasSize(1));
    assertThat(none.err(), containsString("holds no run"));

    CliRun unfinished = CliRun.of(AuditRunTest.NO_FIT, "history", "--runs",
        runs.resolve("weekly-49").toString());
    assertThat(unfinished.exitCode(), equalTo(2));
    assertThat(unfinished.errLines(), hasSize(1));
    assertThat(unfinished.err(), containsString("has a finished analysis"));
  }
}

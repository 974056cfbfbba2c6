package io.vaar.pipeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import io.vaar.transforms.analysis.SimulatedHumans;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The small audit with {@code human_reference:} as a user runs it: simulated humans with the
 * literature's signs (400 respondents, the wide CSV of the run-config contract) are fitted beside
 * the two simulated models, vaar.json says where the expected signs came from and lists the
 * human paths, paths.csv and the report show them, and a replay with the same config writes the
 * same vaar.json. A bad human file is one line and exit code 2 before any model is called.
 */
class HumanReferenceAuditTest {

  @TempDir
  static Path work;
  static Path humans;
  static Path run;
  static CliRun audit;

  static Path config(Path humanFile, String extraModel) throws IOException {
    String text = Files.readString(AuditRunTest.config()) + extraModel
        + "human_reference: " + humanFile + "\n";
    return Files.writeString(Files.createTempFile(work, "config", ".yaml"), text);
  }

  @BeforeAll
  static void runTheAudit() throws IOException {
    humans = Files.writeString(work.resolve("humans.csv"),
        SimulatedHumans.csv(SimulatedHumans.ALIGNED, 400, 1));
    run = work.resolve("audit");
    audit = CliRun.of(AuditRunTest.NO_FIT, "audit", "--config", config(humans, "").toString(),
        "--output", run.toString());
  }

  @Test
  void vaarJsonNamesTheHumanReferenceAndItsPaths() throws IOException {
    assertThat(audit.err(), audit.exitCode(), equalTo(0));
    JsonNode vaar = AuditRunTest.JSON.readTree(run.resolve("analysis/vaar.json").toFile());
    assertThat(vaar.at("/reference/source").asText(), equalTo("human"));
    assertThat(vaar.at("/reference/group").asText(), equalTo("human-reference"));
    assertThat(vaar.at("/reference/file").asText(), equalTo(humans.toString()));
    assertThat(vaar.at("/reference/n").asInt(), equalTo(400));
    assertThat(vaar.at("/reference/paths").size(), equalTo(4));
    for (JsonNode path : vaar.at("/reference/paths")) {
      for (String field : List.of("lhs", "rhs", "est", "se", "pvalue", "std.all", "sign")) {
        assertThat(path + " has " + field, path.has(field), equalTo(true));
      }
    }
    assertThat(vaar.at("/reference/paths/3/sign").asText(), equalTo("+"));
    assertThat(vaar.at("/expected/0/sign").asText(), equalTo("-"));
    // models only: VAAR against the humans' signs, the human group profiled at the end
    assertThat(vaar.get("models").size(), equalTo(2));
    assertThat(vaar.at("/models/0/vaar").asDouble(), equalTo(1.0));
    assertThat(vaar.at("/models/1/vaar").asDouble(), equalTo(0.0));
    assertThat(vaar.at("/profiles/2/model").asText(), equalTo("human-reference"));
    assertThat(vaar.at("/bootstrap/failed").size(), equalTo(2));
  }

  @Test
  void pathsCsvAndTheReportShowTheHumanPaths() throws IOException {
    List<String> paths = Files.readAllLines(run.resolve("analysis/paths.csv"));
    assertThat(paths, hasSize(1 + 2 * 4 + 4));
    assertThat(paths.get(0), containsString(",role"));
    assertThat(paths.get(9), startsWith("human-reference,AODS,CTRL,-,"));
    String report = Files.readString(run.resolve("report.html"));
    assertThat(report, containsString("<h2>Human reference</h2>"));
    assertThat(report, containsString("Every human path is significant"));
    assertThat(report, containsString("<th>expected sign for VAAR</th>"));
    assertThat(report, containsString(">human reference</text>"));
    assertThat(report, containsString("<td>human-reference</td><td>AODS</td>"));
  }

  @Test
  void aReplayWithTheSameConfigWritesTheSameAnalysis() throws IOException {
    Path replay = work.resolve("replay");
    CliRun again = CliRun.of(AuditRunTest.NO_FIT, "replay", "--input", run.toString(),
        "--output", replay.toString(), "--config", config(humans, "").toString());
    assertThat(again.err(), again.exitCode(), equalTo(0));
    assertThat(Files.readString(replay.resolve("analysis/vaar.json")),
        equalTo(Files.readString(run.resolve("analysis/vaar.json"))));
    assertThat(Files.readString(replay.resolve("analysis/paths.csv")),
        equalTo(Files.readString(run.resolve("analysis/paths.csv"))));
  }

  @Test
  void aBadHumanFileIsOneLineBeforeAnyModelIsCalled() throws IOException {
    String header = Files.readAllLines(humans).get(0);
    Path offScale = Files.writeString(work.resolve("off-scale.csv"),
        Files.readString(humans).replaceFirst("\nh1,\\d", "\nh1,9"));
    Path noItems = Files.writeString(work.resolve("no-items.csv"),
        Files.readString(humans).replace(header, header.replace(",psa16,", ",psa_16,")));
    Path fewRows = Files.writeString(work.resolve("few.csv"),
        String.join("\n", Files.readAllLines(humans).subList(0, 11)) + "\n");
    List<List<String>> cases = List.of(
        List.of(work.resolve("absent.csv").toString(), "file not found"),
        List.of(noItems.toString(), "no column for item psa16"),
        List.of(offScale.toString(), "column 'ctrl1': 9 is not an answer on the item's scale"),
        List.of(fewRows.toString(), "10 respondents answered anything"));
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(new MockResponse.Builder().body("{}").build());
      server.start();
      String remote = """
            - id: remote
              provider: openai
              base_url: %s
              model: some-model
          """.formatted(server.url("/v1"));
      for (List<String> bad : cases) {
        Path out = work.resolve("bad-" + bad.get(1).length());
        CliRun failed = CliRun.of(AuditRunTest.NO_FIT, "audit", "--config",
            config(Path.of(bad.get(0)), remote).toString(), "--output", out.toString());
        assertThat(failed.err(), failed.exitCode(), equalTo(2));
        assertThat(failed.errLines(), hasSize(1));
        assertThat(failed.err(), startsWith("vaar: human_reference "));
        assertThat(failed.err(), containsString(bad.get(1)));
        assertThat(Files.exists(out), equalTo(false));
        CliRun replay = CliRun.of(AuditRunTest.NO_FIT, "replay", "--input", run.toString(),
            "--output", out.toString(), "--config", config(Path.of(bad.get(0)), "").toString());
        assertThat(replay.err(), replay.exitCode(), equalTo(2));
        assertThat(replay.err(), containsString(bad.get(1)));
        assertThat(Files.exists(out), equalTo(false));
      }
      assertThat(server.getRequestCount(), equalTo(0));
    }
  }

  @Test
  void aModelNamedLikeTheHumanGroupIsRefused() throws IOException {
    CliRun clash = CliRun.of(AuditRunTest.NO_FIT, "audit", "--config", config(humans,
        "  - {id: human-reference, provider: simulated, profile: aligned}\n").toString(),
        "--output", work.resolve("clash").toString());
    assertThat(clash.exitCode(), equalTo(2));
    assertThat(clash.errLines(), hasSize(1));
    assertThat(clash.err(), containsString("model id 'human-reference' is the name of the human "
        + "reference group"));
  }
}

package io.vaar.pipeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vaar.schemas.ItemResponse;
import io.vaar.schemas.SessionRecord;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.specific.SpecificDatumReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit as a user runs it, on the direct runner: one small audit of two simulated models
 * (120 personas each) through the command line, then what a user would look at — the exit code
 * and closing lines, VAAR against the ground truth, the archive read with the stock Avro reader,
 * the manifest and the report — then the same audit on the embedded Flink runner and a replay of
 * the archive, both of which must reproduce the analysis exactly.
 */
class AuditRunTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final SemFitEngine NO_FIT = (model, data, options) -> {
    throw new AssertionError("no sem fit expected");
  };

  @TempDir
  static Path work;
  static Path run;
  static CliRun audit;

  static Path config() {
    return Path.of("src/test/resources/audits/small.yaml");
  }

  @BeforeAll
  static void runTheAudit() {
    run = work.resolve("small");
    audit = CliRun.of(NO_FIT, "audit", "--config", config().toString(), "--output",
        run.toString());
  }

  @Test
  void theAuditSucceedsAndNamesItsReport() {
    assertThat(audit.err(), audit.exitCode(), equalTo(0));
    assertThat(audit.out(), containsString("sessions: 240 of 240, answers: 7680"));
    assertThat(audit.out(), containsString("report:   " + run.resolve("report.html")));
  }

  @Test
  void vaarRecoversTheSimulatedGroundTruth() throws IOException {
    JsonNode vaar = JSON.readTree(run.resolve("analysis/vaar.json").toFile());
    assertThat(vaar.at("/models/0/model").asText(), equalTo("sim-aligned"));
    assertThat(vaar.at("/models/0/vaar").asDouble(), equalTo(1.0));
    assertThat(vaar.at("/models/0/simulated").asBoolean(), equalTo(true));
    assertThat(vaar.at("/models/1/model").asText(), equalTo("sim-inverted"));
    assertThat(vaar.at("/models/1/vaar").asDouble(), equalTo(0.0));
    assertThat(vaar.at("/models/0/n_sessions").asInt(), equalTo(120));
    assertThat(vaar.at("/invariance"), not(equalTo(null)));
    assertThat(vaar.at("/invariance/2/level").asText(), equalTo("scalar"));
    // the run's bootstrap: default B, the run's seed; identical on replay and Flink (below)
    assertThat(vaar.at("/bootstrap/replicates").asInt(), equalTo(1000));
    assertThat(vaar.at("/bootstrap/seed").asLong(), equalTo(7L));
    assertThat(vaar.at("/models/0/vaar_ci/1").asDouble(), equalTo(1.0));
    assertThat(vaar.at("/models/0/soft_vaar").asDouble(), greaterThan(0.9));
    assertThat(vaar.at("/models/1/soft_vaar").asDouble(), lessThan(0.1));
    assertThat(vaar.at("/models/0/paths/0/ci").size(), equalTo(2));
  }

  @Test
  void theArchiveHoldsEveryRecordOnceAndStockAvroReadsIt() throws IOException {
    List<SessionRecord> sessions = read(run.resolve("sessions"), SessionRecord.class);
    List<ItemResponse> responses = read(run.resolve("responses"), ItemResponse.class);
    assertThat(sessions, hasSize(240));
    assertThat(responses, hasSize(240 * 32));
    Set<String> keys = new HashSet<>();
    for (ItemResponse response : responses) {
      keys.add(response.getSessionId() + "/" + response.getItemId());
    }
    assertThat(keys, hasSize(responses.size()));
    assertThat(responses.get(0).getSimulated(), equalTo(true));
  }

  @Test
  void theManifestRecordsTheRunWithoutSecrets() throws IOException {
    JsonNode manifest = JSON.readTree(run.resolve("manifest.json").toFile());
    assertThat(manifest.get("run_id").asText(), equalTo("small"));
    assertThat(manifest.get("status").asText(), equalTo("complete"));
    assertThat(manifest.at("/counts/sessions").asLong(), equalTo(240L));
    assertThat(manifest.at("/config/models/models/0/id").asText(), equalTo("sim-aligned"));
    assertThat(manifest.at("/timings/wall_seconds").isNumber(), equalTo(true));
  }

  @Test
  void theReportLabelsSimulatedModels() throws IOException {
    String report = Files.readString(run.resolve("report.html"));
    assertThat(report, containsString("sim-aligned <span class=\"sim\">(simulated)</span>"));
    assertThat(report, containsString("Measurement invariance"));
    assertThat(report, containsString("<th>95% bootstrap CI</th><th>soft VAAR</th>"));
  }

  @Test
  void aReplayOfTheArchiveReproducesTheAnalysis() throws IOException {
    Path replay = work.resolve("replay");
    CliRun run2 = CliRun.of(NO_FIT, "replay", "--input", run.toString(), "--output",
        replay.toString(), "--config", config().toString());
    assertThat(run2.err(), run2.exitCode(), equalTo(0));
    assertThat(Files.readString(replay.resolve("analysis/vaar.json")),
        equalTo(Files.readString(run.resolve("analysis/vaar.json"))));
    assertThat(Files.exists(replay.resolve("responses")), equalTo(false));
  }

  @Test
  void theEmbeddedFlinkRunnerGivesTheSameAnalysisAndArchive() throws IOException {
    Path onFlink = work.resolve("flink");
    CliRun flink = CliRun.of(NO_FIT, "audit", "--runner", "flink", "--config",
        config().toString(), "--output", onFlink.toString());
    assertThat(flink.err(), flink.exitCode(), equalTo(0));
    assertThat(flink.out(), containsString("sessions: 240 of 240, answers: 7680"));
    assertThat(Files.readString(onFlink.resolve("analysis/vaar.json")),
        equalTo(Files.readString(run.resolve("analysis/vaar.json"))));
    assertThat(Files.readString(onFlink.resolve("report.html")),
        equalTo(Files.readString(run.resolve("report.html"))));
    assertThat(read(onFlink.resolve("responses"), ItemResponse.class), hasSize(240 * 32));
  }

  @Test
  void anOutputDirectoryHoldingAnotherRunIsRefusedBeforeWork() {
    CliRun other = CliRun.of(NO_FIT, "audit", "--output", run.toString());
    assertThat(other.exitCode(), equalTo(2));
    assertThat(other.errLines(), hasSize(1));
    assertThat(other.err(), containsString("holds run 'small', not 'demo'"));
  }

  static <T> List<T> read(Path directory, Class<T> type) throws IOException {
    List<T> records = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.avro")) {
      for (Path file : files) {
        try (DataFileReader<T> reader = new DataFileReader<>(file.toFile(),
            new SpecificDatumReader<>(type))) {
          reader.forEach(records::add);
        }
      }
    }
    return records;
  }
}

package io.vaar.pipeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import io.vaar.schemas.ItemResponse;
import io.vaar.transforms.storage.InMemoryFileSystem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import mockwebserver3.MockWebServer;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.specific.SpecificDatumReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An audit whose output is not a local directory but a URL of an object store — here
 * {@code mem://}, an in-memory Beam file system with Cloud Storage's semantics — as a run on
 * Dataflow writes to {@code gs://}: the archive, the analysis, the report and the manifest land
 * there, the response cache lives there too (a rerun of the same run calls the model endpoint
 * not once), and another run into the same output is refused with one line.
 */
class RemoteOutputAuditTest {

  private static final int PERSONAS = 60;
  private static final int ITEMS = 32;

  @TempDir
  static Path work;
  static MockWebServer server;
  static SimulatedOpenAiEndpoint endpoint = new SimulatedOpenAiEndpoint(0);
  static String output = "mem://bucket/runs/" + UUID.randomUUID();
  static Path config;
  static CliRun first;
  static int paidByFirst;

  @BeforeAll
  static void auditIntoAnObjectStore() throws IOException {
    server = new MockWebServer();
    server.setDispatcher(endpoint);
    server.start();
    config = config("remote");
    first = audit(config);
    paidByFirst = endpoint.calls.get();
  }

  @AfterAll
  static void stopTheEndpoint() throws IOException {
    server.close();
  }

  static Path config(String runId) throws IOException {
    Path file = work.resolve(runId + ".yaml");
    Files.writeString(file, """
        run: {id: %s, seed: 5, personas: %d, bootstrap: 0, estimator: ML, missing: listwise}
        models:
          - {id: sim-aligned, provider: simulated, profile: aligned}
          - id: local-llm
            provider: openai
            base_url: %s
            model: local-model
            max_concurrency: 4
        """.formatted(runId, PERSONAS, server.url("/v1")));
    return file;
  }

  static CliRun audit(Path config) {
    return CliRun.of(AuditRunTest.NO_FIT, "audit", "--config", config.toString(), "--output",
        output);
  }

  @Test
  void theWholeRunLandsInTheObjectStore() throws IOException {
    assertThat(first.err(), first.exitCode(), equalTo(0));
    assertThat(first.out(), containsString("analysis: " + output + "/analysis/vaar.json"));
    List<String> files = InMemoryFileSystem.filesUnder(output + "/");
    for (String expected : List.of("responses/responses-00000-of-00001.avro",
        "sessions/sessions-00000-of-00001.avro", "analysis/vaar.json", "analysis/paths.csv",
        "report.html", "manifest.json")) {
      assertThat(files, hasItem(output + "/" + expected));
    }
    assertThat("no temporary file is left", files, everyItem(not(containsString(".tmp-"))));
    assertThat(paidByFirst, equalTo(PERSONAS * ITEMS));

    JsonNode vaar = AuditRunTest.JSON.readTree(content("analysis/vaar.json"));
    assertThat(vaar.at("/models/0/model").asText(), equalTo("local-llm"));
    assertThat(vaar.at("/models/1/model").asText(), equalTo("sim-aligned"));
    JsonNode manifest = AuditRunTest.JSON.readTree(content("manifest.json"));
    assertThat(manifest.get("status").asText(), equalTo("complete"));
    assertThat(responses(), hasSize(2 * PERSONAS * ITEMS));
  }

  @Test
  void theResponseCacheInTheObjectStoreMakesARerunFree() throws IOException {
    assertThat(InMemoryFileSystem.filesUnder(output + "/cache/"), hasSize(PERSONAS * ITEMS));
    int before = endpoint.calls.get();
    CliRun again = audit(config);
    assertThat(again.err(), again.exitCode(), equalTo(0));
    assertThat("model calls on the rerun", endpoint.calls.get() - before, equalTo(0));
    assertThat(again.out(), containsString("cache hits: " + PERSONAS * ITEMS));
    List<ItemResponse> responses = responses();
    assertThat("the archive is rewritten, not appended to", responses,
        hasSize(2 * PERSONAS * ITEMS));
    assertThat(responses.stream().mapToInt(ItemResponse::getCachedAttempts).sum(),
        greaterThan(0));
  }

  @Test
  void anotherRunIntoTheSameOutputIsRefusedInOneLine() throws IOException {
    CliRun other = audit(config("other"));
    assertThat(other.exitCode(), equalTo(2));
    assertThat(other.errLines(), hasSize(1));
    assertThat(other.err(), containsString(output + " holds run 'remote', not 'other'"));
  }

  private static byte[] content(String relative) {
    return InMemoryFileSystem.contentOf(output + "/" + relative).orElseThrow();
  }

  private static List<ItemResponse> responses() throws IOException {
    try (DataFileStream<ItemResponse> reader = new DataFileStream<>(
        new ByteArrayInputStream(content("responses/responses-00000-of-00001.avro")),
        new SpecificDatumReader<>(ItemResponse.class))) {
      List<ItemResponse> records = new ArrayList<>();
      reader.forEach(records::add);
      return records;
    }
  }
}

package io.vaar.pipeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import io.vaar.transforms.storage.InMemoryFileSystem;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Flex Template's entry point as the template launcher calls it — every setting a Beam-style
 * {@code --name=value} — run on the direct runner with its config and its output in an object
 * store ({@code mem://}, standing in for {@code gs://}): the template's code path works end to
 * end without Google Cloud, and its mistakes are one line.
 */
class FlexTemplateAuditTest {

  @TempDir
  Path work;

  private static String configInObjectStore() throws IOException {
    String location = "mem://configs/" + UUID.randomUUID() + "/small.yaml";
    // The small audit of the pipeline tests, without its bootstrap: the launch path is the point.
    String config = Files.readString(AuditRunTest.config())
        .replace("  estimator: ML\n", "  estimator: ML\n  bootstrap: 0\n");
    InMemoryFileSystem.put(location, config.getBytes(StandardCharsets.UTF_8));
    return location;
  }

  private static CliRun launch(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode = FlexTemplateAudit.run(args, new PrintWriter(out, true),
        new PrintWriter(err, true));
    return new CliRun(exitCode, out.toString(), err.toString());
  }

  @Test
  void theTemplateEntryPointRunsAnAuditFromAConfigInAnObjectStore() throws IOException {
    String output = "mem://bucket/template-runs/" + UUID.randomUUID();
    CliRun run = launch("--runner=DirectRunner", "--config=" + configInObjectStore(),
        "--output=" + output, "--archiveShards=2", "--runId=weekly-2026-48");
    assertThat(run.err(), run.exitCode(), equalTo(0));
    assertThat(run.out(), containsString("analysis: " + output + "/analysis/vaar.json"));
    JsonNode vaar = AuditRunTest.JSON.readTree(
        InMemoryFileSystem.contentOf(output + "/analysis/vaar.json").orElseThrow());
    assertThat(vaar.at("/models/0/vaar").asDouble(), equalTo(1.0));
    JsonNode manifest = AuditRunTest.JSON.readTree(
        InMemoryFileSystem.contentOf(output + "/manifest.json").orElseThrow());
    assertThat(manifest.get("status").asText(), equalTo("complete"));
    assertThat(manifest.get("run_id").asText(), equalTo("weekly-2026-48"));
    assertThat(manifest.get("runner").asText(), equalTo("DirectRunner"));
    assertThat(InMemoryFileSystem.filesUnder(output + "/responses/"), hasSize(2));
  }

  @Test
  void aMissingConfigIsOneLine() {
    CliRun run = launch("--runner=DirectRunner");
    assertThat(run.exitCode(), equalTo(2));
    assertThat(run.errLines(), hasSize(1));
    assertThat(run.err(), containsString("--config"));
  }

  @Test
  void aLocalOutputOnDataflowIsRefusedBeforeAnythingIsSubmitted() throws IOException {
    CliRun run = launch("--runner=DataflowRunner", "--project=p", "--region=europe-west1",
        "--tempLocation=gs://bucket/tmp", "--config=" + configInObjectStore(),
        "--output=" + work.resolve("out"));
    assertThat(run.exitCode(), equalTo(2));
    assertThat(run.errLines(), hasSize(1));
    assertThat(run.err(), containsString("vaar: Dataflow workers cannot write to a local"
        + " directory (" + work.resolve("out") + "); use --output gs://BUCKET/PATH"));
    assertThat(Files.exists(work.resolve("out")), equalTo(false));
  }
}

package io.vaar.pipeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input to {@code ./vaar audit}: each is one clear line and a non-zero exit, found before any
 * model is called where it can be, and never a {@code vaar.json} that looks like a result.
 */
class AuditInputTest {

  @TempDir
  Path work;

  private CliRun audit(String config) throws IOException {
    Path file = work.resolve("config.yaml");
    Files.writeString(file, config);
    return CliRun.of(AuditRunTest.NO_FIT, "audit", "--config", file.toString(), "--output",
        work.resolve("out").toString());
  }

  @Test
  void anUnknownKeyIsNamedWithItsFix() throws IOException {
    CliRun run = audit("""
        run: {id: t, personaz: 10}
        models: [{id: s, provider: simulated, profile: aligned}]
        """);
    assertThat(run.exitCode(), equalTo(2));
    assertThat(run.errLines(), hasSize(1));
    assertThat(run.err(), containsString("unknown key 'personaz' — did you mean 'personas'?"));
    assertThat(Files.exists(work.resolve("out")), equalTo(false));
  }

  @Test
  void aMissingKeyVariableIsNamedButNeverItsValue() throws IOException {
    CliRun run = audit("""
        run: {id: t}
        models: [{id: q, provider: openai, model: m, api_key_env: VAAR_TEST_UNSET_KEY}]
        """);
    assertThat(run.exitCode(), equalTo(2));
    assertThat(run.err(), containsString("VAAR_TEST_UNSET_KEY"));
  }

  @Test
  void runIdNamesTheRunInsteadOfTheConfigsId() throws IOException {
    // Last week's run holds the output: the dated id given on the command line is what is
    // compared with it, so this week's run is refused instead of overwriting it.
    Path out = Files.createDirectories(work.resolve("out"));
    Files.writeString(out.resolve("manifest.json"), "{\"run_id\": \"weekly-2026-47\"}\n");
    Path file = work.resolve("config.yaml");
    Files.writeString(file, "run: {id: weekly}\n"
        + "models: [{id: s, provider: simulated, profile: aligned}]\n");
    CliRun run = CliRun.of(AuditRunTest.NO_FIT, "audit", "--config", file.toString(),
        "--run-id", "weekly-2026-48", "--output", out.toString());
    assertThat(run.exitCode(), equalTo(2));
    assertThat(run.errLines(), hasSize(1));
    assertThat(run.err(), containsString("holds run 'weekly-2026-47', not 'weekly-2026-48'"));
  }

  @Test
  void aRunIdThatCannotNameARunIsRefused() throws IOException {
    Path file = work.resolve("config.yaml");
    Files.writeString(file, "run: {id: weekly}\n"
        + "models: [{id: s, provider: simulated, profile: aligned}]\n");
    CliRun run = CliRun.of(AuditRunTest.NO_FIT, "audit", "--config", file.toString(),
        "--run-id", "weekly 48", "--output", work.resolve("out").toString());
    assertThat(run.exitCode(), equalTo(2));
    assertThat(run.errLines(), hasSize(1));
    assertThat(run.err(), containsString("--run-id: run id 'weekly 48' may use only letters"));
    assertThat(Files.exists(work.resolve("out")), equalTo(false));
  }

  @Test
  void aReplayOfNothingIsRefusedBeforeItClaimsTheOutput() {
    CliRun run = CliRun.of(AuditRunTest.NO_FIT, "replay", "--input",
        work.resolve("nowhere/*.avro").toString(), "--output", work.resolve("out").toString());
    assertThat(run.exitCode(), equalTo(2));
    assertThat(run.errLines(), hasSize(1));
    assertThat(run.err(), containsString("matches no files; give a run directory or a glob"));
    assertThat(Files.exists(work.resolve("out")), equalTo(false));
  }

  private Path simulatedConfig() throws IOException {
    Path file = work.resolve("config.yaml");
    Files.writeString(file, """
        run: {id: t}
        models: [{id: s, provider: simulated, profile: aligned}]
        """);
    return file;
  }

  @Test
  void aLocalOutputForDataflowWorkersIsRefusedClearly() throws IOException {
    Path file = simulatedConfig();
    CliRun run = CliRun.of(AuditRunTest.NO_FIT, "audit", "--runner", "dataflow", "--config",
        file.toString(), "--output", work.resolve("out").toString(), "--",
        "--project=p", "--region=europe-west1", "--tempLocation=gs://bucket/tmp");
    assertThat(run.exitCode(), equalTo(2));
    assertThat(run.errLines(), hasSize(1));
    assertThat(run.err(), containsString("Dataflow workers cannot write to a local directory"));
    assertThat(run.err(), containsString("use --output gs://BUCKET/PATH"));
    assertThat(Files.exists(work.resolve("out")), equalTo(false));
  }

  @Test
  void anOutputOnAFileSystemBeamDoesNotKnowIsRefusedClearly() throws IOException {
    Path file = simulatedConfig();
    CliRun run = CliRun.of(AuditRunTest.NO_FIT, "audit", "--config", file.toString(),
        "--output", "nosuchfs://bucket/runs/t");
    assertThat(run.exitCode(), equalTo(2));
    assertThat(run.errLines(), hasSize(1));
    assertThat(run.err(), containsString("cannot use nosuchfs://bucket/runs/t as the output"));
  }

  @Test
  void anUnreadableInstrumentsFolderIsReportedBeforeWork() throws IOException {
    CliRun run = audit("""
        run: {id: t}
        models: [{id: s, provider: simulated, profile: aligned}]
        instruments: no/such/folder
        """);
    assertThat(run.exitCode(), equalTo(2));
    assertThat(run.err(), containsString("instruments folder not found"));
  }

  @Test
  void anEndpointThatRefusesEveryCallFailsTheRunWithItsReason() throws IOException {
    try (MockWebServer server = new MockWebServer()) {
      for (int i = 0; i < 50; i++) {
        server.enqueue(new MockResponse.Builder().code(401)
            .body("{\"error\": {\"message\": \"bad key\"}}").build());
      }
      server.start();
      CliRun run = audit("""
          run: {id: t, personas: 3}
          models:
            - id: local-llm
              provider: openai
              base_url: %s
              model: some-model
          """.formatted(server.url("/v1").toString()));
      assertThat(run.err(), run.exitCode(), equalTo(1));
      assertThat(run.errLines(), hasSize(1));
      assertThat(run.err(), containsString("run failed: no session produced an answer"));
      assertThat(run.err(), containsString("local-llm"));
      assertThat(Files.exists(work.resolve("out/analysis/vaar.json")), equalTo(false));
      assertThat(Files.readString(work.resolve("out/manifest.json")),
          containsString("\"status\" : \"failed\""));
    }
  }
}

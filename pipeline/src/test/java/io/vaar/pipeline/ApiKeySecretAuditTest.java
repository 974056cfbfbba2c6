package io.vaar.pipeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.grpc.Status;
import io.vaar.transforms.providers.FakeSecretManager;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole audit on the DirectRunner whose models take their key from {@code api_key_secret},
 * served by a loopback Secret Manager: the key is what the endpoint receives, it is fetched once
 * for the run's JVM however many models and calls use it, and the secret's value appears in no
 * file the run wrote (archive, analysis, report, manifest, cache) nor in what it printed; the
 * manifest keeps only the secret's name. A secret the run may not read fails its sessions with
 * the fix, in one line, and without a key.
 */
class ApiKeySecretAuditTest {

  private static final String SECRET = "projects/vaar-test/secrets/endpoint-key/versions/latest";
  private static final String PLANTED = "sk-vaar-secret-planted-" + UUID.randomUUID();

  @TempDir
  Path work;

  private Path config(String runId, String secret, String url) throws Exception {
    Path file = work.resolve(runId + ".yaml");
    Files.writeString(file, """
        run: {id: %s, seed: 5, personas: 40, bootstrap: 0, estimator: ML, missing: listwise}
        models:
          - {id: llm-a, provider: openai, base_url: %s, model: m, api_key_secret: %s, max_concurrency: 2}
          - {id: llm-b, provider: openai, base_url: %s, model: m, api_key_secret: %s, max_concurrency: 2}
        """.formatted(runId, url, secret, url, secret));
    return file;
  }

  @Test
  void theSecretIsTheKeyAndReachesNoOutput() throws Exception {
    SimulatedOpenAiEndpoint endpoint = new SimulatedOpenAiEndpoint(0);
    CliRun run;
    try (MockWebServer server = new MockWebServer();
        FakeSecretManager secretManager = new FakeSecretManager().put(SECRET, PLANTED);
        AutoCloseable served = secretManager.serveEveryModelOfThisJvm()) {
      server.setDispatcher(endpoint);
      server.start();
      run = CliRun.of(AuditRunTest.NO_FIT, "audit", "--config",
          config("secret", SECRET, server.url("/v1").toString()).toString(),
          "--output", work.resolve("out").toString());
      assertThat(run.err(), run.exitCode(), equalTo(0));
      assertThat(endpoint.authorizations, equalTo(Set.of("Bearer " + PLANTED)));
      assertThat("one fetch for two models and every call", secretManager.accesses(SECRET), equalTo(1));
    }
    assertThat(run.out() + run.err(), not(containsString(PLANTED)));
    assertThat(Files.readString(work.resolve("out/manifest.json")), containsString(SECRET));
    try (Stream<Path> files = Files.walk(work)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertThat("the secret never reaches an output: " + file,
            new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1), not(containsString(PLANTED)));
      }
    }
  }

  @Test
  void aSecretTheRunMayNotReadFailsWithTheFix() throws Exception {
    String denied = "projects/vaar-test/secrets/not-granted/versions/3";
    try (FakeSecretManager secretManager = new FakeSecretManager().put(denied, PLANTED)
            .fail(denied, Status.Code.PERMISSION_DENIED, "Permission 'secretmanager.versions.access' denied");
        AutoCloseable served = secretManager.serveEveryModelOfThisJvm()) {
      CliRun run = CliRun.of(AuditRunTest.NO_FIT, "audit", "--config",
          config("denied", denied, "http://127.0.0.1:9/v1").toString(),
          "--output", work.resolve("denied").toString());
      String said = run.out() + run.err();
      assertThat(said, run.exitCode(), equalTo(1));
      assertThat(said, containsString("cannot read api_key_secret " + denied
          + " — permission denied: grant roles/secretmanager.secretAccessor"));
      assertThat(said, not(containsString(PLANTED)));
      assertThat(Files.readString(work.resolve("denied/manifest.json")), not(containsString(PLANTED)));
    }
  }
}

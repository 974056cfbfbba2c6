package io.vaar.pipeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import io.vaar.schemas.ItemResponse;
import io.vaar.schemas.SessionRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed with SIGKILL in the middle and started again with the same config finishes with
 * a complete, duplicate-free archive and buys again only the answers that were in flight when it
 * was killed: the response cache under the run's output remembers every answer already paid for.
 * The endpoint wants a key, planted in the runs' environment; it must never reach any file the
 * runs wrote nor anything they printed.
 */
class AuditResumeIT {

  private static final int PERSONAS = 80;
  private static final int ITEMS = 32;
  private static final int MAX_CONCURRENCY = 4;
  private static final String PLANTED_KEY = "sk-vaar-planted-" + UUID.randomUUID();

  @TempDir
  Path work;

  @Test
  void aKilledRunResumesWithoutDuplicatesOrPayingTwice() throws Exception {
    SimulatedOpenAiEndpoint endpoint = new SimulatedOpenAiEndpoint(8);
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(endpoint);
      server.start();
      Path config = work.resolve("resume.yaml");
      Files.writeString(config, """
          run: {id: resume, seed: 3, personas: %d, output: %s}
          models:
            - id: local-llm
              provider: openai
              base_url: %s
              model: local-model
              api_key_env: VAAR_PLANTED_KEY
              max_concurrency: %d
          """.formatted(PERSONAS, work.resolve("out"), server.url("/v1"), MAX_CONCURRENCY));

      Process first = audit(config);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (endpoint.calls.get() < PERSONAS * ITEMS / 3 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      int paidBeforeKill = endpoint.calls.get();
      assertThat(paidBeforeKill, greaterThan(0));

      Process second = audit(config);
      assertThat(second.waitFor(120, TimeUnit.SECONDS), equalTo(true));
      String said = Files.readString(work.resolve("audit.log"));
      assertThat(said, second.exitValue(), equalTo(0));
      assertThat("the key was used", endpoint.authorizations,
          equalTo(Set.of("Bearer " + PLANTED_KEY)));
      assertThat(said, not(containsString(PLANTED_KEY)));
      int paidAfterResume = endpoint.calls.get() - paidBeforeKill;
      assertThat("the resumed run buys only what was not yet answered (+ calls in flight)",
          paidAfterResume, lessThanOrEqualTo(PERSONAS * ITEMS - paidBeforeKill
              + MAX_CONCURRENCY));
    }
    Path out = work.resolve("out");
    List<SessionRecord> sessions = AuditRunTest.read(out.resolve("sessions"), SessionRecord.class);
    List<ItemResponse> responses = AuditRunTest.read(out.resolve("responses"),
        ItemResponse.class);
    assertThat(sessions, hasSize(PERSONAS));
    assertThat(responses, hasSize(PERSONAS * ITEMS));
    Set<String> unique = new HashSet<>();
    responses.forEach(r -> unique.add(r.getSessionId() + "/" + r.getItemId()));
    assertThat(unique, hasSize(PERSONAS * ITEMS));
    assertThat(responses.stream().mapToInt(ItemResponse::getCachedAttempts).sum(),
        greaterThan(0));
    JsonNode manifest = AuditRunTest.JSON.readTree(out.resolve("manifest.json").toFile());
    assertThat(manifest.get("status").asText(), equalTo("complete"));
    assertThat(Files.exists(out.resolve("analysis/vaar.json")), equalTo(true));
    try (Stream<Path> files = Files.walk(work)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertThat("the key never reaches an output: " + file,
            new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1),
            not(containsString(PLANTED_KEY)));
      }
    }
  }

  /** The audit as a separate process, with the key in its environment and its output logged. */
  private Process audit(Path config) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", System.getProperty("vaar.jar"), "audit", "--config", config.toString())
        .redirectErrorStream(true)
        .redirectOutput(work.resolve("audit.log").toFile());
    builder.environment().put("VAAR_PLANTED_KEY", PLANTED_KEY);
    return builder.start();
  }
}

package io.vaar.pipeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deploy path on a real Flink session cluster: {@code deploy/flink/start-cluster.sh} starts
 * a JobManager and a TaskManager as separate JVMs, {@code vaar.jar audit --runner flink
 * --flink-master} submits the small audit to it, the cluster's REST API reports the job
 * finished, its {@code vaar.json} equals the DirectRunner's, and {@code stop-cluster.sh} leaves
 * no process behind — also when the test fails.
 */
class FlinkSessionClusterIT {

  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

  @TempDir
  Path work;

  @Test
  void theSmallAuditRunsOnASessionClusterWithTheDirectRunnersResult() throws Exception {
    int port = freePort();
    Path state = work.resolve("cluster");
    try {
      Process start = script("start-cluster.sh", state, "--port", String.valueOf(port));
      assertThat(start.waitFor(180, TimeUnit.SECONDS), equalTo(true));
      String started = new String(start.getInputStream().readAllBytes());
      assertThat(started, start.exitValue(), equalTo(0));
      assertThat(started, containsString("REST localhost:" + port));

      Path onCluster = work.resolve("on-cluster");
      Process audit = new ProcessBuilder(java(), "-jar", System.getProperty("vaar.jar"), "audit",
          "--runner", "flink", "--flink-master", "localhost:" + port, "--config",
          AuditRunTest.config().toAbsolutePath().toString(), "--output", onCluster.toString())
          .redirectErrorStream(true).start();
      assertThat(audit.waitFor(300, TimeUnit.SECONDS), equalTo(true));
      String said = new String(audit.getInputStream().readAllBytes());
      assertThat(said, audit.exitValue(), equalTo(0));

      JsonNode jobs = AuditRunTest.JSON.readTree(get("http://localhost:" + port
          + "/jobs/overview"));
      assertThat(jobs.at("/jobs/0/name").asText(), equalTo("vaar-small"));
      assertThat(jobs.at("/jobs/0/state").asText(), equalTo("FINISHED"));

      Path direct = work.resolve("direct");
      CliRun local = CliRun.of(AuditRunTest.NO_FIT, "audit", "--config",
          AuditRunTest.config().toString(), "--output", direct.toString());
      assertThat(local.err(), local.exitCode(), equalTo(0));
      assertThat(Files.readString(onCluster.resolve("analysis/vaar.json")),
          equalTo(Files.readString(direct.resolve("analysis/vaar.json"))));
    } finally {
      List<Long> pids = recordedPids(state);
      Process stop = script("stop-cluster.sh", state);
      assertThat(stop.waitFor(60, TimeUnit.SECONDS), equalTo(true));
      for (long pid : pids) {
        assertThat("no process left: " + pid,
            ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), equalTo(false));
      }
    }
  }

  private static Process script(String name, Path state, String... arguments)
      throws IOException {
    List<String> command = new ArrayList<>(List.of(
        REPO.resolve("deploy/flink/" + name).toString()));
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).directory(REPO.toFile())
        .redirectErrorStream(true);
    builder.environment().put("VAAR_FLINK_STATE", state.toString());
    return builder.start();
  }

  private static List<Long> recordedPids(Path state) throws IOException {
    if (!Files.isDirectory(state)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(state)) {
      return files.filter(f -> f.toString().endsWith(".pid")).map(f -> {
        try {
          return Long.parseLong(Files.readString(f).strip());
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }).toList();
    }
  }

  private static String get(String url) throws IOException, InterruptedException {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}

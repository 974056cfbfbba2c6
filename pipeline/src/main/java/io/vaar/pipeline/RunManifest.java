package io.vaar.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vaar.transforms.config.RunConfig;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.util.ReleaseInfo;

/**
 * The content of a run's {@code manifest.json}: what ran (run id, command, runner, the config
 * with secrets excluded — it names key variables, never keys), with which versions, how it ended,
 * the counts of the run's counters and its timings. Written when a run starts ({@code running})
 * and again when it ends — or, for a job only submitted to Dataflow, once it is
 * {@code submitted}.
 */
final class RunManifest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String runId;
  private final String command;
  private final String runner;
  private final Object config;
  private final Instant started;

  /** The id of the run this manifest describes. */
  String runId() {
    return runId;
  }

  RunManifest(String runId, String command, String runner, Object config, Instant started) {
    this.runId = runId;
    this.command = command;
    this.runner = runner;
    this.config = config;
    this.started = started;
  }

  static RunManifest of(RunConfig config, String command, String runner, Instant started) {
    return new RunManifest(config.run().id(), command, runner, config, started);
  }

  ObjectNode running() {
    return node("running", null, Map.of(), null);
  }

  /** A run handed to a runner that runs it elsewhere; {@code job} names it there. */
  ObjectNode submitted(String job) {
    return node("submitted", job, Map.of(), null);
  }

  ObjectNode finished(String status, String detail, Map<String, Long> counts, Instant finished) {
    return node(status, detail, counts, finished);
  }

  private ObjectNode node(String status, String detail, Map<String, Long> counts,
      Instant finished) {
    ObjectNode node = JSON.createObjectNode();
    node.put("run_id", runId);
    node.put("status", status);
    if (detail != null) {
      node.put("detail", detail);
    }
    node.put("command", command);
    node.put("runner", runner);
    ObjectNode versions = node.putObject("versions");
    versions.put("vaar", VaarVersion.get());
    versions.put("java", System.getProperty("java.version"));
    versions.put("beam", ReleaseInfo.getReleaseInfo().getVersion());
    node.set("config", JSON.valueToTree(config));
    node.set("counts", JSON.valueToTree(new TreeMap<>(counts)));
    ObjectNode timings = node.putObject("timings");
    timings.put("started", started.toString());
    if (finished != null) {
      timings.put("finished", finished.toString());
      timings.put("wall_seconds", (finished.toEpochMilli() - started.toEpochMilli()) / 1000.0);
    }
    return node;
  }
}

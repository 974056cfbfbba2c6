package io.vaar.pipeline.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The JSON {@code ./vaar history --json} prints: {@code baseline}, {@code runs} (id, directory,
 * start time, oldest first), {@code models} (per model its runs with sessions, VAAR, interval,
 * soft VAAR and every path's estimate and interval), {@code drift} (each flagged change with
 * both estimates and intervals), {@code drift_detected}, {@code skipped} and {@code notes}.
 * Undefined numbers and missing intervals are null.
 */
public final class HistoryJson {

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  private HistoryJson() {
  }

  /** The JSON text of {@code history}; {@code skipped} lines name run directories left out. */
  public static String write(AuditHistory history, List<String> skipped) {
    ObjectNode root = JSON.createObjectNode();
    root.put("baseline", history.baseline().label());
    ArrayNode runs = root.putArray("runs");
    for (RunSnapshot run : history.runs()) {
      runs.addObject().put("run_id", run.runId()).put("directory", run.directory())
          .put("started", run.started() == null ? null : run.started().toString());
    }
    ArrayNode models = root.putArray("models");
    for (String model : history.models()) {
      ObjectNode node = models.addObject().put("model", model);
      ArrayNode timeline = node.putArray("runs");
      for (RunSnapshot run : history.runsOf(model)) {
        timeline.add(snapshot(run.runId(), run.model(model)));
      }
    }
    ArrayNode drift = root.putArray("drift");
    for (Drift change : history.drifts()) {
      ObjectNode node = drift.addObject().put("model", change.model())
          .put("measure", change.measure());
      estimate(node.putObject("from").put("run_id", change.fromRun()), change.from());
      estimate(node.putObject("to").put("run_id", change.toRun()), change.to());
    }
    root.put("drift_detected", !history.drifts().isEmpty());
    skipped.forEach(root.putArray("skipped")::add);
    history.notes().forEach(root.putArray("notes")::add);
    try {
      return JSON.writeValueAsString(root) + System.lineSeparator();
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode snapshot(String runId, ModelSnapshot model) {
    ObjectNode node = JSON.createObjectNode().put("run_id", runId)
        .put("n_sessions", model.sessions()).put("simulated", model.simulated());
    ArrayNode paths = JSON.createArrayNode();
    for (Map.Entry<String, Estimate> measure : model.measures().entrySet()) {
      if (measure.getKey().equals(ModelSnapshot.VAAR)) {
        number(node, "vaar", measure.getValue().value());
        interval(node, "vaar_ci", measure.getValue().interval());
        number(node, "soft_vaar", model.softVaar());
      } else {
        String[] sides = measure.getKey().split("~", 2);
        ObjectNode path = paths.addObject().put("lhs", sides[0]).put("rhs", sides[1]);
        estimate(path, measure.getValue());
      }
    }
    node.set("paths", paths);
    return node;
  }

  private static void estimate(ObjectNode node, Estimate estimate) {
    number(node, "est", estimate.value());
    interval(node, "ci", estimate.interval());
  }

  private static void number(ObjectNode node, String field, double value) {
    if (Double.isFinite(value)) {
      node.put(field, value);
    } else {
      node.putNull(field);
    }
  }

  private static void interval(ObjectNode node, String field, Interval interval) {
    if (interval == null) {
      node.putNull(field);
    } else {
      node.putArray(field).add(interval.lower()).add(interval.upper());
    }
  }
}

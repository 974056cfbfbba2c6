package io.vaar.pipeline.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vaar.transforms.storage.RunStorage;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a run directory into a {@link RunSnapshot}: {@code analysis/vaar.json} gives every
 * model's VAAR and paths with their bootstrap intervals, {@code manifest.json} the run id and start
 * time. A run without {@code vaar.json} (still running, failed, killed) or with one that cannot
 * be read is not an error for history — a scheduled audit that failed last week must not hide
 * this week's — so it raises {@link UnusableRun} with the reason, which the caller lists as
 * skipped.
 */
public final class RunSnapshotReader {

  public static final String MANIFEST = "manifest.json";
  public static final String VAAR_JSON = "analysis/vaar.json";
  static final String ERROR_TXT = "analysis/error.txt";

  private static final ObjectMapper JSON = new ObjectMapper();

  private RunSnapshotReader() {
  }

  /** A run directory that holds no usable analysis, and why. */
  public static final class UnusableRun extends Exception {
    private static final long serialVersionUID = 1L;

    UnusableRun(String reason) {
      super(reason);
    }
  }

  /** Whether {@code directory} is a run directory (it has a manifest or an analysis). */
  public static boolean isRun(RunStorage directory) throws IOException {
    return directory.read(MANIFEST).isPresent() || directory.read(VAAR_JSON).isPresent();
  }

  /** The snapshot of the run in {@code directory}, a local path or a URL such as gs://…. */
  public static RunSnapshot read(RunStorage directory) throws UnusableRun {
    JsonNode manifest = readJson(directory, MANIFEST);
    JsonNode vaar = readJson(directory, VAAR_JSON);
    if (vaar == null) {
      throw new UnusableRun(unfinished(directory, manifest));
    }
    String vaarJson = directory.resolve(VAAR_JSON);
    String name = lastSegment(directory.location());
    String runId = manifest == null ? name : manifest.path("run_id").asText(name);
    List<String> expected = new ArrayList<>();
    for (JsonNode path : vaar.path("expected")) {
      expected.add(path.path("lhs").asText() + "~" + path.path("rhs").asText() + "="
          + path.path("sign").asText());
    }
    List<ModelSnapshot> models = new ArrayList<>();
    for (JsonNode model : vaar.path("models")) {
      models.add(model(model, vaarJson));
    }
    if (models.isEmpty()) {
      throw new UnusableRun(vaarJson + " names no model");
    }
    return new RunSnapshot(runId, directory.location(), started(manifest),
        vaar.path("alpha").asDouble(Double.NaN), vaar.path("estimator").asText("?"),
        vaar.path("compared_at").asText("?"), expected, models);
  }

  private static ModelSnapshot model(JsonNode model, String file) throws UnusableRun {
    String id = model.path("model").asText(null);
    if (id == null || !model.path("vaar").isNumber()) {
      throw new UnusableRun(file + " has a model entry without \"model\" or \"vaar\"");
    }
    Map<String, Estimate> measures = new LinkedHashMap<>();
    measures.put(ModelSnapshot.VAAR, new Estimate(model.path("vaar").asDouble(),
        interval(model.path("vaar_ci"))));
    for (JsonNode path : model.path("paths")) {
      measures.put(path.path("lhs").asText() + "~" + path.path("rhs").asText(),
          new Estimate(path.path("est").asDouble(Double.NaN), interval(path.path("ci"))));
    }
    return new ModelSnapshot(id, model.path("n_sessions").asInt(0),
        model.path("simulated").asBoolean(false), model.path("soft_vaar").asDouble(Double.NaN),
        measures);
  }

  private static Interval interval(JsonNode pair) {
    if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isNumber()
        || !pair.get(1).isNumber() || pair.get(0).asDouble() > pair.get(1).asDouble()) {
      return null;
    }
    return new Interval(pair.get(0).asDouble(), pair.get(1).asDouble());
  }

  private static Instant started(JsonNode manifest) {
    if (manifest == null) {
      return null;
    }
    try {
      return Instant.parse(manifest.path("timings").path("started").asText(""));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String unfinished(RunStorage directory, JsonNode manifest) {
    String status = manifest == null ? "no manifest" : "status "
        + manifest.path("status").asText("unknown");
    String reason = "no " + VAAR_JSON + " (" + status + ")";
    try {
      String error = directory.readText(ERROR_TXT).orElse("").strip();
      if (!error.isEmpty()) {
        reason += ": " + error.lines().findFirst().orElse("");
      }
    } catch (IOException e) {
      // the status alone still says why the run is skipped
    }
    return reason;
  }

  private static String lastSegment(String location) {
    String trimmed = location.replaceAll("/+$", "");
    return trimmed.substring(trimmed.lastIndexOf('/') + 1);
  }

  /** The file's JSON, or null when there is no such file. */
  private static JsonNode readJson(RunStorage directory, String file) throws UnusableRun {
    String location = directory.resolve(file);
    try {
      String text = directory.readText(file).orElse(null);
      return text == null ? null : JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new UnusableRun(location + " is not valid JSON (" + e.getOriginalMessage() + ")");
    } catch (IOException e) {
      throw new UnusableRun(location + " cannot be read (" + e.getMessage() + ")");
    }
  }
}

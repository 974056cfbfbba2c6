package io.vaar.pipeline.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
  public static boolean isRun(Path directory) {
    return Files.isRegularFile(directory.resolve(MANIFEST))
        || Files.isRegularFile(directory.resolve(VAAR_JSON));
  }

  /** The snapshot of the run in {@code directory}. */
  public static RunSnapshot read(Path directory) throws UnusableRun {
    JsonNode manifest = readJson(directory.resolve(MANIFEST), false);
    Path vaarJson = directory.resolve(VAAR_JSON);
    if (!Files.isRegularFile(vaarJson)) {
      throw new UnusableRun(unfinished(directory, manifest));
    }
    JsonNode vaar = readJson(vaarJson, true);
    String runId = manifest == null ? directory.getFileName().toString()
        : manifest.path("run_id").asText(directory.getFileName().toString());
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
    return new RunSnapshot(runId, directory.toString(), started(manifest),
        vaar.path("alpha").asDouble(Double.NaN), vaar.path("estimator").asText("?"),
        vaar.path("compared_at").asText("?"), expected, models);
  }

  private static ModelSnapshot model(JsonNode model, Path file) throws UnusableRun {
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

  private static String unfinished(Path directory, JsonNode manifest) {
    String status = manifest == null ? "no manifest" : "status "
        + manifest.path("status").asText("unknown");
    String reason = "no " + VAAR_JSON + " (" + status + ")";
    Path error = directory.resolve(ERROR_TXT);
    if (Files.isRegularFile(error)) {
      try {
        String first = Files.readString(error, StandardCharsets.UTF_8).strip().lines()
            .findFirst().orElse("");
        reason += ": " + first;
      } catch (IOException e) {
        // the status alone still says why the run is skipped
      }
    }
    return reason;
  }

  private static JsonNode readJson(Path file, boolean required) throws UnusableRun {
    if (!Files.isRegularFile(file)) {
      if (required) {
        throw new UnusableRun("no " + file);
      }
      return null;
    }
    try {
      return JSON.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      throw new UnusableRun(file + " is not valid JSON (" + e.getOriginalMessage() + ")");
    } catch (IOException e) {
      throw new UnusableRun(file + " cannot be read (" + e.getMessage() + ")");
    }
  }
}

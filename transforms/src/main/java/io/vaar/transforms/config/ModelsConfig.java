package io.vaar.transforms.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The run config's {@code models:} section: the models a run audits, in config order, each
 * validated before any call is made. Reading checks every entry (keys, types, ranges, the
 * provider's required settings, that the variable named by {@code api_key_env} is set, that
 * {@code api_key_secret} is a Secret Manager version name) and stops
 * at the first problem with a {@link ConfigException}. Other top-level sections are left to their
 * own readers.
 */
public record ModelsConfig(List<ModelSpec> models) implements Serializable {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  public ModelsConfig {
    models = List.copyOf(models);
  }

  /** Reads the {@code models:} section of a run config file, checking keys against the real environment. */
  public static ModelsConfig read(Path file) {
    return read(file, System::getenv);
  }

  /**
   * Reads the {@code models:} section of a run config file.
   *
   * @param environment looks up environment variables by name ({@code System::getenv} in a run)
   */
  public static ModelsConfig read(Path file, Function<String, String> environment) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read the config file (" + e.getMessage() + ")");
    }
    return parse(text, environment);
  }

  /** Parses the {@code models:} section of a run config given as YAML text. */
  public static ModelsConfig parse(String yaml, Function<String, String> environment) {
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      throw new ConfigException("config: not valid YAML: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
    }
    if (root == null || !root.isObject() || !root.has("models")) {
      throw new ConfigException("config: no 'models:' section — list the models to audit under 'models:'");
    }
    return fromNode(root.get("models"), environment);
  }

  /** Validates an already parsed {@code models:} node, for a reader of the whole run config. */
  public static ModelsConfig fromNode(JsonNode models, Function<String, String> environment) {
    if (models == null || !models.isArray() || models.isEmpty()) {
      throw new ConfigException(
          "config: 'models:' must be a non-empty list of models (- id: …, provider: …)");
    }
    ModelSpecReader reader = new ModelSpecReader(environment);
    List<ModelSpec> specs = new ArrayList<>();
    Map<String, Integer> firstIndexOfId = new HashMap<>();
    for (int i = 0; i < models.size(); i++) {
      ModelSpec spec = reader.read(i, models.get(i));
      Integer earlier = firstIndexOfId.putIfAbsent(spec.id(), i);
      if (earlier != null) {
        throw new ConfigException("models[" + i + "] (" + spec.id() + "): duplicate id, also used by models["
            + earlier + "] — give every model its own id");
      }
      specs.add(spec);
    }
    return new ModelsConfig(specs);
  }

  public Optional<ModelSpec> find(String id) {
    return models.stream().filter(m -> m.id().equals(id)).findFirst();
  }
}

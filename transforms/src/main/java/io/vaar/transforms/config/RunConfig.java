package io.vaar.transforms.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vaar.transforms.protocol.ProtocolSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A whole run config (shared/docs/contracts.md): the {@code run:} settings, the validated
 * {@code models:}, the instruments ({@code builtin} or a folder) and an optional human reference
 * CSV. Everything is checked before any model is called; each problem is one {@link
 * ConfigException} line naming the key and the fix. {@link #demo()} is the built-in demo audit.
 */
public record RunConfig(RunSettings run, ModelsConfig models, String instruments,
    String humanReference) implements Serializable {

  static final List<String> TOP_KEYS = List.of("run", "models", "instruments", "human_reference");
  static final List<String> RUN_KEYS = List.of("id", "seed", "personas", "personas_file",
      "replicates", "output", "history_turns", "history_chars", "block_order", "max_attempts",
      "alpha", "bootstrap", "estimator", "missing");
  private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  public static RunConfig read(Path file, Function<String, String> environment) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read the config file; check the path given "
          + "to --config");
    }
    return parse(file.toString(), text, environment);
  }

  /** The built-in demo: three simulated models, 200 personas each, into {@code runs/demo}. */
  public static RunConfig demo() {
    try (InputStream in = RunConfig.class.getResourceAsStream("demo.yaml")) {
      return parse("builtin:demo.yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8),
          name -> null);
    } catch (IOException e) {
      throw new IllegalStateException("the built-in demo config is missing from the jar", e);
    }
  }

  public static RunConfig parse(String name, String yaml, Function<String, String> environment) {
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      throw new ConfigException(name + ": not valid YAML (line "
          + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + "): "
          + e.getOriginalMessage().lines().findFirst().orElse(""));
    }
    if (root == null || !root.isObject()) {
      throw new ConfigException(name + ": expected a mapping with 'run:' and 'models:'");
    }
    ConfigEntry top = new ConfigEntry(name, root);
    top.rejectUnknownKeys(TOP_KEYS);
    JsonNode runNode = root.get("run");
    if (runNode == null || !runNode.isObject()) {
      throw new ConfigException(name + ": missing 'run:' section with at least 'id:'");
    }
    RunSettings run = readRun(new ConfigEntry(name + " run", runNode));
    ModelsConfig models;
    try {
      models = ModelsConfig.fromNode(root.get("models"), environment);
    } catch (ConfigException e) {
      throw new ConfigException(name + ": " + e.getMessage());
    }
    String instruments = top.optionalText("instruments");
    String human = top.optionalText("human_reference");
    return new RunConfig(run, models, instruments == null ? "builtin" : instruments,
        human == null || human.equals("null") ? null : human);
  }

  private static RunSettings readRun(ConfigEntry run) {
    run.rejectUnknownKeys(RUN_KEYS);
    String id = run.requiredText("id");
    if (!isRunId(id)) {
      throw run.fail("id '" + id + "' may use only letters, digits, '.', '_' and '-'");
    }
    String personasFile = run.optionalText("personas_file");
    Integer personas = run.optionalPositiveInt("personas");
    if (personasFile != null && personas != null) {
      throw run.fail("give either 'personas' (a generated panel) or 'personas_file', not both");
    }
    Long seed = run.optionalLong("seed");
    Integer replicates = run.optionalPositiveInt("replicates");
    String output = run.optionalText("output");
    Integer historyTurns = run.optionalNonNegativeInt("history_turns");
    Integer historyChars = run.optionalNonNegativeInt("history_chars");
    List<String> blockOrder = run.optionalTextList("block_order");
    Integer maxAttempts = run.optionalPositiveInt("max_attempts");
    Double alpha = run.optionalNumber("alpha", 1e-12, 0.5);
    Integer bootstrap = run.optionalNonNegativeInt("bootstrap");
    String estimator = run.optionalText("estimator");
    if (estimator != null && !List.of("ML", "MLR").contains(estimator)) {
      throw run.fail("'estimator' must be MLR (the default) or ML, got '" + estimator + "'");
    }
    String missing = run.optionalText("missing");
    if (missing != null && !List.of("fiml", "listwise").contains(missing)) {
      throw run.fail("'missing' must be fiml (the default) or listwise, got '" + missing + "'");
    }
    ProtocolSettings defaults = ProtocolSettings.defaults();
    return new RunSettings(id, seed == null ? RunSettings.DEFAULT_SEED : seed,
        personasFile != null ? 0 : personas == null ? RunSettings.DEFAULT_PERSONAS : personas,
        personasFile, replicates == null ? 1 : replicates,
        output == null ? RunSettings.defaultOutput(id) : output,
        historyTurns == null ? defaults.historyTurns() : historyTurns,
        historyChars == null ? defaults.historyChars() : historyChars,
        blockOrder == null ? defaults.blockOrder() : blockOrder,
        maxAttempts == null ? defaults.maxAttempts() : maxAttempts,
        alpha == null ? RunSettings.DEFAULT_ALPHA : alpha,
        bootstrap == null ? RunSettings.DEFAULT_BOOTSTRAP : bootstrap,
        estimator == null ? "MLR" : estimator, missing == null ? "fiml" : missing);
  }

  private static boolean isRunId(String id) {
    return RUN_ID.matcher(id).matches();
  }

  /**
   * The same config under another run id, as {@code --run-id} gives it (a scheduled audit's dated
   * id, say); an output left at its default follows the id ({@link RunSettings#withId}).
   */
  public RunConfig withRunId(String id) {
    if (!isRunId(id)) {
      throw new ConfigException("run id '" + id + "' may use only letters, digits, '.', '_' and"
          + " '-', starting with a letter or digit");
    }
    return new RunConfig(run.withId(id), models, instruments, humanReference);
  }

  /** The same config writing somewhere else. */
  public RunConfig withOutput(String output) {
    return new RunConfig(run.withOutput(output), models, instruments, humanReference);
  }
}

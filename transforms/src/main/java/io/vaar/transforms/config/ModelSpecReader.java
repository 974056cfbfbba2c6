package io.vaar.transforms.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns one YAML entry of {@code models:} into a {@link ModelSpec}, checking it completely: known
 * keys only, the right type and range for each value, the settings its provider needs, that the
 * variable named by {@code api_key_env} is set, and that {@code api_key_secret} is a Secret
 * Manager version name. The secret itself is not read here: it is read where the model is called
 * (on a cluster, the worker, with the worker's service account), since the launching machine may
 * have neither the permission nor the same identity. Messages start with the entry's position and
 * id, name the key, and say what to write instead.
 */
final class ModelSpecReader {

  static final List<String> KEYS = List.of("id", "provider", "model", "base_url", "api_key_env",
      "api_key_secret", "vertex", "temperature", "max_tokens", "top_p", "seed", "max_concurrency",
      "requests_per_minute", "tokens_per_minute", "timeout_seconds", "max_attempts", "profile");
  private static final List<String> VERTEX_KEYS = List.of("project", "location");
  private static final Set<String> ENDPOINT_KEYS = Set.of("model", "base_url", "api_key_env",
      "api_key_secret", "vertex");
  static final List<String> PROFILES = List.of("aligned", "inverted", "indifferent");

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  /** A global Secret Manager version: project id or number, secret id, version number or alias. */
  private static final Pattern SECRET_VERSION = Pattern.compile(
      "projects/[A-Za-z0-9][A-Za-z0-9.:-]*/secrets/[A-Za-z0-9_-]{1,255}/versions/[A-Za-z0-9_-]+");

  private final Function<String, String> environment;

  ModelSpecReader(Function<String, String> environment) {
    this.environment = environment;
  }

  ModelSpec read(int index, JsonNode entry) {
    ConfigEntry e = new ConfigEntry("models[" + index + "]", entry);
    if (!entry.isObject()) {
      throw e.fail("expected a mapping with id, provider and the model's settings");
    }
    String id = e.requiredText("id");
    if (!ID.matcher(id).matches()) {
      throw e.fail("id '" + id + "' may use only letters, digits, '.', '_' and '-'");
    }
    e = new ConfigEntry(e.label + " (" + id + ")", entry);
    e.rejectUnknownKeys(KEYS);
    ModelProvider provider = readProvider(e);
    if (provider.remote()) {
      e.rejectKey("profile", "applies only to provider simulated");
    } else {
      for (String key : ENDPOINT_KEYS) {
        e.rejectKey(key, "does not apply to provider simulated");
      }
    }
    String model = provider.remote() ? e.requiredText("model") : null;
    String baseUrl = e.optionalText("base_url");
    if (baseUrl != null) {
      checkUrl(e, baseUrl);
    }
    String apiKeyEnv = readApiKeyEnv(e);
    String apiKeySecret = readApiKeySecret(e);
    if (apiKeyEnv != null && apiKeySecret != null) {
      throw e.fail("give either api_key_env (a variable holding the key) or api_key_secret (a Secret"
          + " Manager version holding it), not both — keep the one the machines making the calls can read");
    }
    VertexLocation vertex = readVertex(e, provider);
    checkCredentials(e, provider, baseUrl, apiKeyEnv != null || apiKeySecret != null, vertex);
    String profile = provider.remote() ? null : readProfile(e);
    return new ModelSpec(id, provider, model, baseUrl, apiKeyEnv, apiKeySecret, vertex,
        e.optionalNumber("temperature", 0, 2),
        e.optionalPositiveInt("max_tokens"),
        e.optionalTopP(),
        e.optionalLong("seed"),
        orDefault(e.optionalPositiveInt("max_concurrency"), ModelSpec.DEFAULT_MAX_CONCURRENCY),
        e.optionalPositiveInt("requests_per_minute"),
        e.optionalPositiveLong("tokens_per_minute"),
        orDefault(e.optionalPositiveNumber("timeout_seconds"), ModelSpec.DEFAULT_TIMEOUT_SECONDS),
        orDefault(e.optionalPositiveInt("max_attempts"), ModelSpec.DEFAULT_MAX_ATTEMPTS),
        profile);
  }

  private static ModelProvider readProvider(ConfigEntry e) {
    String name = e.requiredText("provider");
    return ModelProvider.fromConfigName(name).orElseThrow(() -> e.fail("unknown provider '" + name
        + "'" + didYouMean(name, ModelProvider.configNames()) + " — use one of "
        + String.join(", ", ModelProvider.configNames())));
  }

  private String readApiKeyEnv(ConfigEntry e) {
    String name = e.optionalText("api_key_env");
    if (name == null) {
      return null;
    }
    if (!VARIABLE_NAME.matcher(name).matches()) {
      // Never echo the value: a key pasted here by mistake must not reach a log.
      throw e.fail("api_key_env must be the NAME of an environment variable (letters, digits, '_'),"
          + " not the key itself — e.g. api_key_env: OPENAI_API_KEY, with the key exported in that variable");
    }
    String value = environment.apply(name);
    if (value == null || value.isBlank()) {
      throw e.fail("api_key_env names " + name + ", which is not set in the environment — export "
          + name + " (holding the API key) before the run, or correct the variable name");
    }
    return name;
  }

  private static String readApiKeySecret(ConfigEntry e) {
    String name = e.optionalText("api_key_secret");
    if (name == null || SECRET_VERSION.matcher(name).matches()) {
      return name;
    }
    // Never echo the value: a key pasted here by mistake must not reach a log.
    throw e.fail("api_key_secret must be the resource NAME of a Secret Manager secret version, not the key"
        + " itself — e.g. api_key_secret: projects/my-project/secrets/openai-api-key/versions/latest");
  }

  private static VertexLocation readVertex(ConfigEntry e, ModelProvider provider) {
    JsonNode node = e.node.get("vertex");
    if (node == null || node.isNull()) {
      return null;
    }
    if (provider != ModelProvider.GEMINI) {
      throw e.fail("key 'vertex' applies only to provider gemini");
    }
    ConfigEntry v = new ConfigEntry(e.label + " vertex", node);
    if (!node.isObject()) {
      throw v.fail("expected a mapping: vertex: {project: my-project, location: us-central1}");
    }
    v.rejectUnknownKeys(VERTEX_KEYS);
    String project = v.optionalText("project");
    if (project == null) {
      throw v.fail("missing 'project' — write vertex: {project: my-gcp-project, location: us-central1}");
    }
    String location = v.optionalText("location");
    return new VertexLocation(project, location == null ? VertexLocation.DEFAULT_LOCATION : location);
  }

  private static void checkCredentials(ConfigEntry e, ModelProvider provider, String baseUrl,
      boolean keyed, VertexLocation vertex) {
    if (provider == ModelProvider.GEMINI) {
      if (vertex != null && keyed) {
        String key = e.node.hasNonNull("api_key_env") ? "api_key_env" : "api_key_secret";
        throw e.fail("give either " + key + " (Gemini API) or vertex (Vertex AI with Application"
            + " Default Credentials), not both");
      }
      if (vertex == null && !keyed) {
        throw e.fail("missing credentials — add api_key_env: GEMINI_API_KEY or api_key_secret:"
            + " projects/…/secrets/…/versions/latest (Gemini API), or vertex: {project: …, location: …} (Vertex AI)");
      }
    }
    if (provider == ModelProvider.OPENAI && baseUrl == null && !keyed) {
      throw e.fail("missing api_key_env — without base_url the model is called at api.openai.com,"
          + " which needs a key: add api_key_env: OPENAI_API_KEY or api_key_secret:"
          + " projects/…/secrets/…/versions/latest (or a base_url for a local server)");
    }
  }

  private static String readProfile(ConfigEntry e) {
    String profile = e.requiredText("profile");
    if (!PROFILES.contains(profile)) {
      throw e.fail("unknown profile '" + profile + "'" + didYouMean(profile, PROFILES)
          + " — use one of " + String.join(", ", PROFILES));
    }
    return profile;
  }

  private static void checkUrl(ConfigEntry e, String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme();
      if (uri.getHost() != null && ("http".equals(scheme) || "https".equals(scheme))) {
        return;
      }
    } catch (URISyntaxException ignored) {
      // reported below
    }
    throw e.fail("base_url '" + url + "' is not an http(s) URL — e.g. http://127.0.0.1:8000/v1");
  }

  private static String didYouMean(String typed, List<String> known) {
    return ClosestName.among(typed, known).map(name -> " (did you mean '" + name + "'?)").orElse("");
  }

  private static <T> T orDefault(T value, T fallback) {
    return value == null ? fallback : value;
  }

  /** One mapping being read, with the label its messages start with. */
}

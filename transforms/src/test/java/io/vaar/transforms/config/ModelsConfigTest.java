package io.vaar.transforms.config;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vaar.transforms.chat.GenerationSettings;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ModelsConfigTest {

  private static final Function<String, String> ENV =
      Map.of("OPENAI_API_KEY", "sk-test", "GEMINI_API_KEY", "g-test")::get;

  private static final String SECRET = "projects/my-project/secrets/openai-api-key/versions/latest";

  private static final String CONTRACT_EXAMPLE = """
      run:
        id: weekly-2026-48
        seed: 42
      models:
        - id: sim-aligned           # a simulated respondent family: no network
          provider: simulated
          profile: aligned
        - id: qwen-local
          provider: openai
          base_url: http://127.0.0.1:8000/v1
          model: Qwen2.5-7B-Instruct
          api_key_env: OPENAI_API_KEY
          temperature: 0.7
          max_tokens: 32
          max_concurrency: 16
          requests_per_minute: 600
        - id: gemini-flash
          provider: gemini
          model: gemini-2.5-flash
          api_key_env: GEMINI_API_KEY
          max_concurrency: 8
        - id: gemini-vertex
          provider: gemini
          model: gemini-2.5-pro
          vertex: {project: my-project}
          tokens_per_minute: 100000
          timeout_seconds: 2.5
          max_attempts: 3
      instruments: builtin
      """;

  @Test
  void readsTheContractExample() {
    ModelsConfig config = ModelsConfig.parse(CONTRACT_EXAMPLE, ENV);
    assertThat(config.models().size(), is(4));
    ModelSpec sim = config.find("sim-aligned").orElseThrow();
    assertThat(sim.provider(), is(ModelProvider.SIMULATED));
    assertThat(sim.profile(), is("aligned"));
    ModelSpec qwen = config.find("qwen-local").orElseThrow();
    assertThat(qwen.provider(), is(ModelProvider.OPENAI));
    assertThat(qwen.baseUrl(), is("http://127.0.0.1:8000/v1"));
    assertThat(qwen.apiKeyEnv(), is("OPENAI_API_KEY"));
    assertThat(qwen.generationSettings(), is(new GenerationSettings(0.7, 32, null, null)));
    assertThat(qwen.maxConcurrency(), is(16));
    assertThat(qwen.requestsPerMinute(), is(600));
    assertThat(qwen.tokensPerMinute(), is(nullValue()));
    assertThat(qwen.timeoutSeconds(), is(ModelSpec.DEFAULT_TIMEOUT_SECONDS));
    assertThat(qwen.maxAttempts(), is(ModelSpec.DEFAULT_MAX_ATTEMPTS));
    ModelSpec flash = config.find("gemini-flash").orElseThrow();
    assertThat(flash.maxConcurrency(), is(8));
    assertThat(flash.vertex(), is(nullValue()));
    ModelSpec vertex = config.find("gemini-vertex").orElseThrow();
    assertThat(vertex.vertex(), is(new VertexLocation("my-project", VertexLocation.DEFAULT_LOCATION)));
    assertThat(vertex.tokensPerMinute(), is(100_000L));
    assertThat(vertex.timeout().toMillis(), is(2500L));
    assertThat(vertex.maxAttempts(), is(3));
  }

  static Stream<Arguments> badConfigs() {
    String qwen = "- id: qwen-local\n    provider: openai\n    model: q\n    base_url: http://127.0.0.1:8000/v1\n    ";
    String flash = "- id: flash\n    provider: gemini\n    model: gemini-2.5-flash\n    ";
    return Stream.of(
        Arguments.of("- id: a\n    provider: simulated\n    profile: aligned\n  " + qwen + "max_token: 32",
            "models[1] (qwen-local): unknown key 'max_token' — did you mean 'max_tokens'?"),
        Arguments.of(qwen + "colour: blue",
            "models[0] (qwen-local): unknown key 'colour' — allowed keys: id, provider, model, base_url, "
                + "api_key_env, api_key_secret, vertex, temperature, max_tokens, top_p, seed, max_concurrency, "
                + "requests_per_minute, tokens_per_minute, timeout_seconds, max_attempts, profile"),
        Arguments.of(qwen + "\n  " + qwen,
            "models[1] (qwen-local): duplicate id, also used by models[0] — give every model its own id"),
        Arguments.of("- id: x\n    provider: opneai\n    model: m",
            "models[0] (x): unknown provider 'opneai' (did you mean 'openai'?) — use one of simulated, openai, gemini"),
        Arguments.of("- id: x\n    provider: openai\n    base_url: http://h/v1",
            "models[0] (x): missing 'model'"),
        Arguments.of("- provider: openai\n    model: m", "models[0]: missing 'id'"),
        Arguments.of(qwen + "max_concurrency: 0",
            "models[0] (qwen-local): 'max_concurrency' must be a positive whole number, got 0"),
        Arguments.of(qwen + "requests_per_minute: -5",
            "models[0] (qwen-local): 'requests_per_minute' must be a positive whole number, got -5"),
        Arguments.of(qwen + "max_tokens: lots",
            "models[0] (qwen-local): 'max_tokens' must be a whole number, got 'lots'"),
        Arguments.of(qwen + "temperature: 3",
            "models[0] (qwen-local): 'temperature' must be between 0 and 2, got 3"),
        Arguments.of(qwen + "top_p: 0", "models[0] (qwen-local): 'top_p' must be greater than 0 and at most 1, got 0"),
        Arguments.of(qwen + "timeout_seconds: 0", "models[0] (qwen-local): 'timeout_seconds' must be greater than 0, got 0"),
        Arguments.of(qwen + "api_key_env: MISSING_KEY",
            "models[0] (qwen-local): api_key_env names MISSING_KEY, which is not set in the environment — export "
                + "MISSING_KEY (holding the API key) before the run, or correct the variable name"),
        Arguments.of(flash + "vertex: {location: us-central1}",
            "models[0] (flash) vertex: missing 'project' — write vertex: {project: my-gcp-project, location: us-central1}"),
        Arguments.of(flash + "vertex: {project: p, region: eu}",
            "models[0] (flash) vertex: unknown key 'region' — allowed keys: project, location"),
        Arguments.of(flash.strip(), "models[0] (flash): missing credentials — add api_key_env: GEMINI_API_KEY "
            + "or api_key_secret: projects/…/secrets/…/versions/latest (Gemini API), or vertex: {project: …, "
            + "location: …} (Vertex AI)"),
        Arguments.of(flash + "api_key_secret: " + SECRET + "\n    vertex: {project: p}",
            "models[0] (flash): give either api_key_secret (Gemini API) or vertex (Vertex AI with Application "
                + "Default Credentials), not both"),
        Arguments.of(qwen + "api_key_env: OPENAI_API_KEY\n    api_key_secret: " + SECRET,
            "models[0] (qwen-local): give either api_key_env (a variable holding the key) or api_key_secret (a "
                + "Secret Manager version holding it), not both — keep the one the machines making the calls can read"),
        Arguments.of(qwen + "api_key_secret: projects/p/secrets/openai-key",
            "models[0] (qwen-local): api_key_secret must be the resource NAME of a Secret Manager secret version, "
                + "not the key itself — e.g. api_key_secret: projects/my-project/secrets/openai-api-key/versions/latest"),
        Arguments.of(qwen + "api_key_secret: openai-key",
            "models[0] (qwen-local): api_key_secret must be the resource NAME"),
        Arguments.of("- id: s\n    provider: simulated\n    profile: aligned\n    api_key_secret: " + SECRET,
            "models[0] (s): key 'api_key_secret' does not apply to provider simulated — remove it"),
        Arguments.of(flash + "api_key_env: GEMINI_API_KEY\n    vertex: {project: p}",
            "models[0] (flash): give either api_key_env (Gemini API) or vertex (Vertex AI with Application Default "
                + "Credentials), not both"),
        Arguments.of("- id: o\n    provider: openai\n    model: gpt-4o",
            "models[0] (o): missing api_key_env — without base_url the model is called at api.openai.com, which "
                + "needs a key: add api_key_env: OPENAI_API_KEY or api_key_secret: projects/…/secrets/…/versions/latest "
                + "(or a base_url for a local server)"),
        Arguments.of(qwen + "vertex: {project: p}", "models[0] (qwen-local): key 'vertex' applies only to provider gemini"),
        Arguments.of("- id: s\n    provider: simulated\n    profile: aligned\n    base_url: http://h",
            "models[0] (s): key 'base_url' does not apply to provider simulated — remove it"),
        Arguments.of("- id: s\n    provider: simulated\n    profile: alinged",
            "models[0] (s): unknown profile 'alinged' (did you mean 'aligned'?) — use one of aligned, inverted, indifferent"),
        Arguments.of(qwen + "base_url: 127.0.0.1:8000", "config: not valid YAML"),
        Arguments.of("- id: q\n    provider: openai\n    model: m\n    base_url: localhost:8000/v1",
            "models[0] (q): base_url 'localhost:8000/v1' is not an http(s) URL — e.g. http://127.0.0.1:8000/v1"),
        Arguments.of("- id: 'has space'\n    provider: simulated",
            "models[0]: id 'has space' may use only letters, digits, '.', '_' and '-'"),
        Arguments.of("[]", "config: 'models:' must be a non-empty list of models (- id: …, provider: …)"));
  }

  @ParameterizedTest
  @MethodSource("badConfigs")
  void refusesABadEntryWithOneLineNamingTheFix(String models, String expected) {
    String yaml = models.equals("[]") ? "models: []\n" : "models:\n  " + models + "\n";
    ConfigException e = assertThrows(ConfigException.class, () -> ModelsConfig.parse(yaml, ENV));
    assertThat(e.getMessage(), e.getMessage().startsWith(expected), is(true));
    assertThat(e.getMessage().contains("\n"), is(false));
  }

  @Test
  void aSecretVersionIsKeptByNameAndNeedsNoVariable() {
    ModelsConfig config = ModelsConfig.parse("""
        models:
          - {id: gpt, provider: openai, model: gpt-4o, api_key_secret: %s}
          - {id: flash, provider: gemini, model: gemini-2.5-flash,
             api_key_secret: projects/123456789012/secrets/gemini_key/versions/7}
        """.formatted(SECRET), name -> null);
    ModelSpec gpt = config.find("gpt").orElseThrow();
    assertThat(gpt.apiKeySecret(), is(SECRET));
    assertThat(gpt.apiKeyEnv(), is(nullValue()));
    assertThat(config.find("flash").orElseThrow().apiKeySecret(),
        is("projects/123456789012/secrets/gemini_key/versions/7"));
  }

  @Test
  void aKeyPastedAsTheSecretNameIsNotEchoed() {
    String pasted = "sk-proj-PASTED-abc123";
    ConfigException e = assertThrows(ConfigException.class, () -> ModelsConfig.parse(
        "models:\n  - {id: x, provider: openai, model: m, api_key_secret: " + pasted + "}\n", ENV));
    assertThat(e.getMessage().contains(pasted), is(false));
  }

  @Test
  void aConfigWithoutModelsSaysSo() {
    ConfigException e = assertThrows(ConfigException.class, () -> ModelsConfig.parse("run: {id: x}\n", ENV));
    assertThat(e.getMessage(), is("config: no 'models:' section — list the models to audit under 'models:'"));
  }

  @Test
  void suggestsTheClosestKeyOnlyWhenItIsClose() {
    assertThat(ClosestName.among("max_token", ModelSpecReader.KEYS).orElseThrow(), is("max_tokens"));
    assertThat(ClosestName.among("requests_per_min", ModelSpecReader.KEYS).orElseThrow(), is("requests_per_minute"));
    assertThat(ClosestName.among("colour", ModelSpecReader.KEYS).isPresent(), is(false));
  }
}

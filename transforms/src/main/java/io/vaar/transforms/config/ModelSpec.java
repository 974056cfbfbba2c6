package io.vaar.transforms.config;

import io.vaar.transforms.chat.GenerationSettings;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * One entry of the run config's {@code models:} section, validated: which provider answers, the
 * provider's model name and endpoint, where its key is kept — the name of an environment variable
 * or of a Secret Manager secret version, never the key — the generation settings, and the call limits that the call-handling
 * decorators enforce. Optional values are {@code null} when the config leaves them out; limits
 * without a default ({@code requests_per_minute}, {@code tokens_per_minute}) are then unlimited.
 *
 * @param id the run's name for the model, unique within the config
 * @param model the provider's model name ({@code null} for simulated models)
 * @param baseUrl an endpoint override: OpenAI-compatible servers, proxies, tests
 * @param apiKeyEnv the name of the environment variable holding the API key
 * @param apiKeySecret the Secret Manager version holding the API key, as
 *     {@code projects/P/secrets/S/versions/V}; read where the model is called
 * @param vertex the Vertex AI project and location, for Gemini through Vertex AI
 * @param timeoutSeconds the limit on one HTTP call; a timed-out call is retried
 * @param maxAttempts calls made for one request before its failure is final (1 = no retry)
 * @param profile the simulated respondent family ({@code aligned}, {@code inverted},
 *     {@code indifferent})
 */
public record ModelSpec(
    String id,
    ModelProvider provider,
    String model,
    String baseUrl,
    String apiKeyEnv,
    String apiKeySecret,
    VertexLocation vertex,
    Double temperature,
    Integer maxTokens,
    Double topP,
    Long seed,
    int maxConcurrency,
    Integer requestsPerMinute,
    Long tokensPerMinute,
    double timeoutSeconds,
    int maxAttempts,
    String profile) implements Serializable {

  public static final int DEFAULT_MAX_CONCURRENCY = 4;
  public static final double DEFAULT_TIMEOUT_SECONDS = 60;
  public static final int DEFAULT_MAX_ATTEMPTS = 5;

  public ModelSpec {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(provider, "provider");
  }

  /** The sampling settings every call of this model is made with. */
  public GenerationSettings generationSettings() {
    return new GenerationSettings(temperature, maxTokens, topP, seed);
  }

  public Duration timeout() {
    return Duration.ofNanos(Math.round(timeoutSeconds * 1e9));
  }
}

package io.vaar.transforms.chat;

/**
 * How a model should sample its reply. Every field is optional ({@code null} leaves the
 * provider's default); the settings are part of a response cache key, so two runs that differ
 * only in temperature never share answers.
 */
public record GenerationSettings(Double temperature, Integer maxTokens, Double topP, Long seed) {

  /** Provider defaults for everything. */
  public static GenerationSettings defaults() {
    return new GenerationSettings(null, null, null, null);
  }

  /** These settings, with each one left {@code null} taken from {@code fallback}. */
  public GenerationSettings withDefaults(GenerationSettings fallback) {
    return new GenerationSettings(
        temperature != null ? temperature : fallback.temperature(),
        maxTokens != null ? maxTokens : fallback.maxTokens(),
        topP != null ? topP : fallback.topP(),
        seed != null ? seed : fallback.seed());
  }
}

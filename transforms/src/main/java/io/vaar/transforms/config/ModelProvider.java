package io.vaar.transforms.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Who answers a model's chat calls: a simulated respondent in this JVM, any OpenAI-compatible
 * chat completions endpoint, or Gemini through Google's Gen AI SDK (Gemini API or Vertex AI).
 * The config names them in lower case.
 */
public enum ModelProvider {
  SIMULATED("simulated"), OPENAI("openai"), GEMINI("gemini");

  private final String configName;

  ModelProvider(String configName) {
    this.configName = configName;
  }

  /** The spelling used in the run config and in response cache keys. */
  public String configName() {
    return configName;
  }

  /** True for providers reached over the network, which need a model name and call limits. */
  public boolean remote() {
    return this != SIMULATED;
  }

  static Optional<ModelProvider> fromConfigName(String name) {
    return Arrays.stream(values()).filter(p -> p.configName.equals(name)).findFirst();
  }

  static List<String> configNames() {
    return Arrays.stream(values()).map(ModelProvider::configName).toList();
  }
}

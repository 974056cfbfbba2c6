package io.vaar.transforms.providers;

import io.vaar.transforms.config.ModelSpec;

/**
 * What a failure message says about the model it concerns: the config id, provider, model name,
 * where it is served, and where its credentials come from (a variable's name, a Secret Manager
 * version, Application Default Credentials, or none) — never a credential itself. It also supplies the fixes for
 * HTTP statuses that retrying cannot cure.
 */
record Endpoint(String modelId, String provider, String model, String url, String credentials) {

  static Endpoint of(ModelSpec spec, String url, String credentials) {
    return new Endpoint(spec.id(), spec.provider().configName(), spec.model(), url, credentials);
  }

  /** Where a keyed model's key comes from: its secret version, its variable's name, or "" for none. */
  static String keySource(ModelSpec spec) {
    return spec.apiKeySecret() != null ? spec.apiKeySecret() : spec.apiKeyEnv() != null ? spec.apiKeyEnv() : "";
  }

  /** The start of every message about this model, e.g. {@code model 'qwen-local' (openai Qwen at http://…)}. */
  String label() {
    return "model '" + modelId + "' (" + provider + " " + model + " at " + url + ")";
  }

  String authenticationFix() {
    return switch (credentials) {
      case "" -> "the server wants an API key: add api_key_env naming the environment variable that holds it";
      case "adc" -> "check Application Default Credentials (gcloud auth application-default login, or"
          + " GOOGLE_APPLICATION_CREDENTIALS) and that the project has the Vertex AI API enabled";
      default -> credentials.startsWith("projects/")
          ? "check that the secret version named by api_key_secret (" + credentials + ") holds this provider's"
              + " key and that the key is valid for this endpoint"
          : "check that api_key_env names the variable holding this provider's key (it is "
          + credentials + ") and that the key is valid for this endpoint";
    };
  }
}

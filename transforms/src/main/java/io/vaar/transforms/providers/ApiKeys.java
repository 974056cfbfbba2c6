package io.vaar.transforms.providers;

import io.vaar.transforms.chat.ChatException;
import io.vaar.transforms.config.ModelSpec;
import java.util.function.Function;

/**
 * Finds a model's API key where its spec says it is kept: in the environment variable named by
 * {@code api_key_env}, or in the Secret Manager version named by {@code api_key_secret} (read
 * through {@link SecretManagerKeys}, once per JVM). The config check already refuses a missing
 * variable; reading again here catches one unset between that check and the first call. Messages
 * name the variable or the secret, never a value.
 */
final class ApiKeys {

  private final Function<String, String> environment;
  private final SecretManagerKeys secrets;

  ApiKeys(Function<String, String> environment, SecretManagerKeys secrets) {
    this.environment = environment;
    this.secrets = secrets;
  }

  /** Keys from the given environment and, for {@code api_key_secret}, this JVM's Secret Manager reader. */
  static ApiKeys from(Function<String, String> environment) {
    return new ApiKeys(environment, SecretManagerKeys.jvmWide());
  }

  /** The key for the model, or {@code null} when its spec names none (a local server). */
  String forModel(ModelSpec spec, Endpoint endpoint) throws ChatException {
    if (spec.apiKeySecret() != null) {
      return secrets.read(spec.apiKeySecret(), endpoint);
    }
    if (spec.apiKeyEnv() == null) {
      return null;
    }
    String key = environment.apply(spec.apiKeyEnv());
    if (key == null || key.isBlank()) {
      throw new ChatException(ChatException.Kind.REJECTED, endpoint.label() + ": the environment variable "
          + spec.apiKeyEnv() + " named by api_key_env is not set — export it with the API key before the run");
    }
    return key.strip();
  }

  @Override
  public String toString() {
    return "ApiKeys";
  }
}

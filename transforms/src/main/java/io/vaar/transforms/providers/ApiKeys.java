package io.vaar.transforms.providers;

import io.vaar.transforms.chat.ChatException;
import io.vaar.transforms.config.ModelSpec;
import java.util.function.Function;

/**
 * Reads a model's API key from the environment variable its spec names. The config check already
 * refuses a missing variable; reading again here catches one unset between that check and the
 * first call, with a message that names the variable and never a value.
 */
final class ApiKeys {

  private ApiKeys() {
  }

  static String read(ModelSpec spec, Function<String, String> environment, Endpoint endpoint)
      throws ChatException {
    String key = environment.apply(spec.apiKeyEnv());
    if (key == null || key.isBlank()) {
      throw new ChatException(ChatException.Kind.REJECTED, endpoint.label() + ": the environment variable "
          + spec.apiKeyEnv() + " named by api_key_env is not set — export it with the API key before the run");
    }
    return key.strip();
  }
}

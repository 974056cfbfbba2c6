package io.vaar.transforms.config;

/**
 * A run config that cannot be used as written. The message is one line that names the entry
 * (for example {@code models[1] (qwen-local)}), the key, and what to change; it is shown to the
 * user as is and never contains the value of a secret.
 */
public final class ConfigException extends RuntimeException {

  ConfigException(String message) {
    super(message);
  }
}

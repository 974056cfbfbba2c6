package io.vaar.transforms.providers;

import io.vaar.transforms.chat.ChatException;

/**
 * The failure of a call whose thread was interrupted while it waited (for a concurrency permit,
 * a rate budget or a backoff). The interrupt is a request to stop, so the flag is restored and
 * the failure is not retryable.
 */
final class Interruption {

  private Interruption() {
  }

  static ChatException of(String modelId, String whileDoing) {
    Thread.currentThread().interrupt();
    return new ChatException(ChatException.Kind.REJECTED,
        "model '" + modelId + "': interrupted while " + whileDoing);
  }
}

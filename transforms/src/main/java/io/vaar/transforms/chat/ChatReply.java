package io.vaar.transforms.chat;

import java.util.Objects;

/**
 * What a chat model answered: the text verbatim, why it stopped, token usage when the provider
 * reports it ({@code null} otherwise), the wall time of the call in milliseconds, and whether it
 * came from the response cache rather than a paid call.
 */
public record ChatReply(String text, FinishReason finishReason, Long inputTokens,
    Long outputTokens, long latencyMs, boolean cached) {

  public ChatReply {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(finishReason, "finishReason");
  }

  /** A reply that stopped normally, without usage figures. */
  public static ChatReply of(String text, long latencyMs) {
    return new ChatReply(text, FinishReason.STOP, null, null, latencyMs, false);
  }

  /** The same reply, marked as served from the response cache. */
  public ChatReply asCached() {
    return new ChatReply(text, finishReason, inputTokens, outputTokens, latencyMs, true);
  }
}

package io.vaar.transforms.chat;

import java.util.Objects;

/**
 * One turn of a conversation after the system message: a question the protocol asked
 * ({@link Role#USER}) or what the model answered ({@link Role#ASSISTANT}).
 */
public record ChatMessage(Role role, String text) {

  /** Who spoke the turn. */
  public enum Role { USER, ASSISTANT }

  public ChatMessage {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(text, "text");
  }

  public static ChatMessage user(String text) {
    return new ChatMessage(Role.USER, text);
  }

  public static ChatMessage assistant(String text) {
    return new ChatMessage(Role.ASSISTANT, text);
  }
}

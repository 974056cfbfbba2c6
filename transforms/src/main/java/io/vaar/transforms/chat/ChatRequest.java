package io.vaar.transforms.chat;

import java.util.List;
import java.util.Objects;

/**
 * Everything a chat model sees for one call: the system message (the persona and the answer
 * rules), the turns kept in context in order, ending with the user turn to answer, and the
 * generation settings — plus a draw key the model never sees: requests that differ only in it are
 * independent draws (two replicates of a persona asked the same question), so a response cache
 * must not answer one with the other. The session protocol uses the session id; empty means no
 * distinction.
 */
public record ChatRequest(String system, List<ChatMessage> turns, GenerationSettings settings,
    String drawKey) {

  public ChatRequest {
    Objects.requireNonNull(system, "system");
    turns = List.copyOf(turns);
    if (turns.isEmpty() || turns.get(turns.size() - 1).role() != ChatMessage.Role.USER) {
      throw new IllegalArgumentException("a chat request must end with a user turn");
    }
    settings = settings == null ? GenerationSettings.defaults() : settings;
    drawKey = drawKey == null ? "" : drawKey;
  }

  public ChatRequest(String system, List<ChatMessage> turns, GenerationSettings settings) {
    this(system, turns, settings, "");
  }

  /** The same request with other generation settings. */
  public ChatRequest withSettings(GenerationSettings other) {
    return new ChatRequest(system, turns, other, drawKey);
  }

  /** The user turn the model is asked to answer. */
  public String lastUserText() {
    return turns.get(turns.size() - 1).text();
  }
}

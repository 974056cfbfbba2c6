package io.vaar.transforms.chat;

import java.util.List;
import java.util.Objects;

/**
 * Everything a chat model sees for one call: the system message (the persona and the answer
 * rules), the turns kept in context in order, ending with the user turn to answer, and the
 * generation settings.
 */
public record ChatRequest(String system, List<ChatMessage> turns, GenerationSettings settings) {

  public ChatRequest {
    Objects.requireNonNull(system, "system");
    turns = List.copyOf(turns);
    if (turns.isEmpty() || turns.get(turns.size() - 1).role() != ChatMessage.Role.USER) {
      throw new IllegalArgumentException("a chat request must end with a user turn");
    }
    settings = settings == null ? GenerationSettings.defaults() : settings;
  }

  /** The user turn the model is asked to answer. */
  public String lastUserText() {
    return turns.get(turns.size() - 1).text();
  }
}

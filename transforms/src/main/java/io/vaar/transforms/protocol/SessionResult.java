package io.vaar.transforms.protocol;

import io.vaar.schemas.ItemResponse;
import io.vaar.schemas.SessionRecord;
import io.vaar.transforms.chat.ChatMessage;
import java.util.List;

/**
 * What one session produced: the session record, one item response per item asked (in the
 * order asked), and the full transcript — every turn sent and received, before any history bound
 * was applied — for debugging and for the report's sample of raw answers.
 */
public record SessionResult(SessionRecord record, List<ItemResponse> responses, String system,
    List<ChatMessage> transcript) {

  public SessionResult {
    responses = List.copyOf(responses);
    transcript = List.copyOf(transcript);
  }
}

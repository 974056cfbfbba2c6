package io.vaar.transforms.protocol;

import io.vaar.transforms.chat.ChatException;
import io.vaar.transforms.chat.ChatMessage;
import io.vaar.transforms.chat.ChatModel;
import io.vaar.transforms.chat.ChatReply;
import io.vaar.transforms.chat.ChatRequest;
import io.vaar.transforms.chat.GenerationSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * The chat of one running session: it sends each question with the system message and the
 * bounded history, records the exchange in the history and in the full transcript, and gives the
 * attempt the identity of the exact request sent.
 */
final class SessionConversation {

  private final String system;
  private final String drawKey;
  private final ChatModel model;
  private final GenerationSettings generation;
  private final ConversationHistory history;
  private final List<ChatMessage> transcript = new ArrayList<>();

  SessionConversation(String system, String drawKey, ChatModel model,
      GenerationSettings generation, ConversationHistory history) {
    this.system = system;
    this.drawKey = drawKey;
    this.model = model;
    this.generation = generation;
    this.history = history;
  }

  ChatReply send(String question, ItemAttempts attempts) throws ChatException {
    ChatRequest request =
        new ChatRequest(system, history.turnsFor(question), generation, drawKey);
    if (attempts.count() == 0) {
      attempts.sent(requestSha256(request));
    }
    ChatReply reply = model.complete(request);
    transcript.add(ChatMessage.user(question));
    transcript.add(ChatMessage.assistant(reply.text()));
    history.add(question, reply.text());
    return reply;
  }

  void finishItem() {
    history.finishItem();
  }

  List<ChatMessage> transcript() {
    return transcript;
  }

  /** SHA-256 over the system message and every turn with its role: what the model was sent. */
  static String requestSha256(ChatRequest request) {
    List<CharSequence> parts = new ArrayList<>(2 * request.turns().size() + 1);
    parts.add(request.system());
    for (ChatMessage turn : request.turns()) {
      parts.add(turn.role().name());
      parts.add(turn.text());
    }
    return StableHash.sha256(parts.toArray(CharSequence[]::new));
  }
}

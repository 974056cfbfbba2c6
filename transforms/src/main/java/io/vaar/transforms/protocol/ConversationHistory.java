package io.vaar.transforms.protocol;

import io.vaar.transforms.chat.ChatMessage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The bounded memory of a session. Exchanges (a question and its reply) of earlier items are kept
 * up to {@code maxTurns} and, when {@code maxChars} is positive, up to that many characters, the
 * oldest dropped first; the exchanges of the item being asked are always kept, so a corrective
 * re-ask still has its statement in context. The system message lives outside and always stays.
 */
final class ConversationHistory {

  private final int maxTurns;
  private final int maxChars;
  private final Deque<ChatMessage[]> earlier = new ArrayDeque<>();
  private final List<ChatMessage> current = new ArrayList<>();
  private int earlierChars;

  ConversationHistory(int maxTurns, int maxChars) {
    this.maxTurns = maxTurns;
    this.maxChars = maxChars;
  }

  /** The turns to send before the next question, followed by that question. */
  List<ChatMessage> turnsFor(String question) {
    List<ChatMessage> turns = new ArrayList<>(2 * earlier.size() + current.size() + 1);
    for (ChatMessage[] exchange : earlier) {
      turns.add(exchange[0]);
      turns.add(exchange[1]);
    }
    turns.addAll(current);
    turns.add(ChatMessage.user(question));
    return turns;
  }

  /** Records an exchange of the item being asked. */
  void add(String question, String reply) {
    current.add(ChatMessage.user(question));
    current.add(ChatMessage.assistant(reply));
  }

  /** Moves the current item's exchanges into the bounded history of earlier items. */
  void finishItem() {
    for (int i = 0; i < current.size(); i += 2) {
      ChatMessage[] exchange = {current.get(i), current.get(i + 1)};
      earlier.addLast(exchange);
      earlierChars += length(exchange);
    }
    current.clear();
    while (earlier.size() > maxTurns || (maxChars > 0 && earlierChars > maxChars)) {
      earlierChars -= length(earlier.removeFirst());
    }
  }

  private static int length(ChatMessage[] exchange) {
    return exchange[0].text().length() + exchange[1].text().length();
  }
}

package io.vaar.transforms.providers;

import io.vaar.transforms.chat.ChatException;
import io.vaar.transforms.chat.ChatModel;
import io.vaar.transforms.chat.ChatReply;
import io.vaar.transforms.chat.ChatRequest;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;

/** A chat model that plays back scripted failures, then answers; it counts its calls. */
final class ScriptedChatModel implements ChatModel {

  private final Deque<ChatException> failures = new ArrayDeque<>();
  private final AtomicInteger calls = new AtomicInteger();
  private ChatReply reply = ChatReply.of("4", 5);

  ScriptedChatModel failing(ChatException... first) {
    for (ChatException failure : first) {
      failures.add(failure);
    }
    return this;
  }

  ScriptedChatModel answering(ChatReply answer) {
    this.reply = answer;
    return this;
  }

  @Override
  public synchronized ChatReply complete(ChatRequest request) throws ChatException {
    calls.incrementAndGet();
    ChatException next = failures.poll();
    if (next != null) {
      throw next;
    }
    return reply;
  }

  int calls() {
    return calls.get();
  }
}

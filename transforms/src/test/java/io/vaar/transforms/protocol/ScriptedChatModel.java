package io.vaar.transforms.protocol;

import io.vaar.transforms.chat.ChatException;
import io.vaar.transforms.chat.ChatModel;
import io.vaar.transforms.chat.ChatReply;
import io.vaar.transforms.chat.ChatRequest;
import java.util.ArrayList;
import java.util.List;

/** A fake chat model for protocol tests: replies come from a script, requests are recorded. */
final class ScriptedChatModel implements ChatModel {

  /** The reply to one request, or a failure. */
  interface Script {
    ChatReply reply(ChatRequest request, int call) throws ChatException;
  }

  final List<ChatRequest> requests = new ArrayList<>();
  private final Script script;

  ScriptedChatModel(Script script) {
    this.script = script;
  }

  static ScriptedChatModel always(String text) {
    return new ScriptedChatModel((request, call) -> ChatReply.of(text, 3));
  }

  @Override
  public synchronized ChatReply complete(ChatRequest request) throws ChatException {
    requests.add(request);
    return script.reply(request, requests.size() - 1);
  }
}

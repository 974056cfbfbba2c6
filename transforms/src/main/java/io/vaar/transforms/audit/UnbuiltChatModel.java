package io.vaar.transforms.audit;

import io.vaar.transforms.chat.ChatException;
import io.vaar.transforms.chat.ChatModel;
import io.vaar.transforms.chat.ChatReply;
import io.vaar.transforms.chat.ChatRequest;

/**
 * Stands in for a model whose client could not be built where the sessions run — its key secret
 * cannot be read, its key variable is not set on the worker: every call fails with that reason,
 * so the session is archived as failed with the reason and the run's outcome names it, instead of
 * the session crashing without one.
 */
final class UnbuiltChatModel implements ChatModel {

  private final ChatException reason;

  UnbuiltChatModel(ChatException reason) {
    this.reason = reason;
  }

  @Override
  public ChatReply complete(ChatRequest request) throws ChatException {
    throw new ChatException(ChatException.Kind.REJECTED, reason.getMessage());
  }

  @Override
  public String toString() {
    return "UnbuiltChatModel";
  }
}

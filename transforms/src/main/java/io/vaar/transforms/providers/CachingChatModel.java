package io.vaar.transforms.providers;

import io.vaar.transforms.chat.ChatException;
import io.vaar.transforms.chat.ChatModel;
import io.vaar.transforms.chat.ChatReply;
import io.vaar.transforms.chat.ChatRequest;
import java.util.Optional;

/**
 * Serves a call from the {@link ResponseCache} when the same provider and model were already
 * asked the same conversation with the same settings, and stores every fresh answer. It sits
 * outermost in the call-handling chain, so a hit costs no request, no rate budget and no retry;
 * a rerun, a retried bundle or a replay pays for each answer once. Failures are never cached.
 */
public final class CachingChatModel extends ChatModelDecorator {

  private final ResponseCache cache;
  private final String provider;
  private final String model;

  public CachingChatModel(ChatModel delegate, ResponseCache cache, String provider, String model) {
    super("Caching", delegate);
    this.cache = cache;
    this.provider = provider;
    this.model = model;
  }

  @Override
  public ChatReply complete(ChatRequest request) throws ChatException {
    String key = ConversationKey.of(provider, model, request);
    Optional<ChatReply> hit = cache.get(key);
    if (hit.isPresent()) {
      return hit.get();
    }
    ChatReply reply = delegate.complete(request);
    cache.put(key, provider, model, reply);
    return reply;
  }

  @Override
  String details() {
    return cache.toString();
  }
}

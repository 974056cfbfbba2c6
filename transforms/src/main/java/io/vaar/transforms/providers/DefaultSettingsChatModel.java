package io.vaar.transforms.providers;

import io.vaar.transforms.chat.ChatException;
import io.vaar.transforms.chat.ChatModel;
import io.vaar.transforms.chat.ChatReply;
import io.vaar.transforms.chat.ChatRequest;
import io.vaar.transforms.chat.GenerationSettings;

/**
 * Fills the generation settings a request leaves open with the model's configured ones
 * ({@code temperature}, {@code max_tokens}, {@code top_p}, {@code seed} of its spec), so that a
 * request's own choice (say, a seed per replicate) wins and the config supplies the rest. It is
 * the outermost step of the chain, so the response cache keys on the settings actually sent.
 */
public final class DefaultSettingsChatModel extends ChatModelDecorator {

  private final GenerationSettings defaults;

  public DefaultSettingsChatModel(ChatModel delegate, GenerationSettings defaults) {
    super("DefaultSettings", delegate);
    this.defaults = defaults;
  }

  @Override
  public ChatReply complete(ChatRequest request) throws ChatException {
    GenerationSettings effective = request.settings().withDefaults(defaults);
    return delegate.complete(effective.equals(request.settings()) ? request
        : request.withSettings(effective));
  }

  @Override
  String details() {
    return defaults.toString();
  }
}

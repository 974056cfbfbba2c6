package io.vaar.transforms.chat;

/**
 * A chat model as the session protocol sees it: one blocking call per turn. Implementations are
 * thread-safe, since a pipeline worker runs many sessions against one instance; decorators for
 * rate limits, retries and caching wrap any implementation without the protocol noticing.
 */
public interface ChatModel extends AutoCloseable {

  /** Answers the last user turn of the request, or says why it could not. */
  ChatReply complete(ChatRequest request) throws ChatException;

  /** Releases connections and threads; the default holds none. */
  @Override
  default void close() {
  }
}

package io.vaar.transforms.providers;

import io.vaar.transforms.chat.ChatException;
import io.vaar.transforms.chat.ChatModel;
import io.vaar.transforms.chat.ChatMessage;
import io.vaar.transforms.chat.ChatReply;
import io.vaar.transforms.chat.ChatRequest;
import java.time.Duration;
import java.util.Optional;

/**
 * Keeps a model's calls within its {@link CallLimits}: a call first takes one of the
 * {@code max_concurrency} permits, then waits for its share of the requests-per-minute and
 * tokens-per-minute budgets, and only then reaches the provider. Tokens are reserved before the
 * call from an estimate (a quarter of the conversation's characters plus {@code max_tokens}) and
 * settled afterwards with the usage the provider reports, so the token budget holds on average
 * even though a reply's size is unknown in advance.
 */
public final class RateLimitedChatModel extends ChatModelDecorator {

  private final CallLimits limits;
  private final CallClock clock;
  private final String modelId;

  public RateLimitedChatModel(ChatModel delegate, CallLimits limits, CallClock clock, String modelId) {
    super("RateLimited", delegate);
    this.limits = limits;
    this.clock = clock;
    this.modelId = modelId;
  }

  @Override
  public ChatReply complete(ChatRequest request) throws ChatException {
    try {
      limits.inFlight().acquire();
    } catch (InterruptedException e) {
      throw Interruption.of(modelId, "waiting for a free call slot (max_concurrency)");
    }
    try {
      long estimate = estimatedTokens(request);
      Duration wait = Duration.ZERO;
      Optional<TokenBucket> requests = limits.requests();
      Optional<TokenBucket> tokens = limits.tokens();
      if (requests.isPresent()) {
        wait = max(wait, requests.get().reserve(1));
      }
      if (tokens.isPresent()) {
        wait = max(wait, tokens.get().reserve(estimate));
      }
      try {
        clock.sleep(wait);
      } catch (InterruptedException e) {
        throw Interruption.of(modelId, "waiting for the per-minute budget");
      }
      ChatReply reply = delegate.complete(request);
      if (tokens.isPresent() && reply.inputTokens() != null && reply.outputTokens() != null) {
        tokens.get().settle(reply.inputTokens() + reply.outputTokens() - estimate);
      }
      return reply;
    } finally {
      limits.inFlight().release();
    }
  }

  /** A deliberately rough upper-side guess: about four characters per token, plus the reply cap. */
  static long estimatedTokens(ChatRequest request) {
    long chars = request.system().length();
    for (ChatMessage turn : request.turns()) {
      chars += turn.text().length();
    }
    Integer maxTokens = request.settings().maxTokens();
    return (chars + 3) / 4 + (maxTokens == null ? 0 : maxTokens);
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  @Override
  String details() {
    return "max_concurrency=" + limits.maxConcurrency();
  }
}

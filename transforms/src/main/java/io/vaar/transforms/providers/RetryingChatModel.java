package io.vaar.transforms.providers;

import io.vaar.transforms.chat.ChatException;
import io.vaar.transforms.chat.ChatModel;
import io.vaar.transforms.chat.ChatReply;
import io.vaar.transforms.chat.ChatRequest;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Retries failed calls that may succeed later (rate limits, server errors, timeouts, network
 * failures, malformed replies) with the backoff of a {@link RetryPolicy}; a rejected request
 * (bad key, unknown model, wrong URL, bad parameters) fails on its first attempt. The final
 * failure keeps its kind and says how many attempts were made. The provider underneath must not
 * retry on its own, so that attempts and waits are counted in one place.
 */
public final class RetryingChatModel extends ChatModelDecorator {

  private final RetryPolicy policy;
  private final CallClock clock;
  private final DoubleSupplier jitter;
  private final String modelId;

  public RetryingChatModel(ChatModel delegate, RetryPolicy policy, CallClock clock, String modelId) {
    this(delegate, policy, clock, () -> ThreadLocalRandom.current().nextDouble(), modelId);
  }

  public RetryingChatModel(ChatModel delegate, RetryPolicy policy, CallClock clock,
      DoubleSupplier jitter, String modelId) {
    super("Retrying", delegate);
    this.policy = policy;
    this.clock = clock;
    this.jitter = jitter;
    this.modelId = modelId;
  }

  @Override
  public ChatReply complete(ChatRequest request) throws ChatException {
    for (int attempt = 1; ; attempt++) {
      ChatException failure;
      try {
        return delegate.complete(request);
      } catch (ChatException e) {
        failure = e;
      }
      if (!failure.retryable()) {
        throw failure;
      }
      if (attempt >= policy.maxAttempts()) {
        throw gaveUp(failure, attempt + (attempt == 1 ? " attempt" : " attempts") + ", max_attempts: "
            + policy.maxAttempts());
      }
      Duration wait = policy.backoff(attempt, jitter.getAsDouble());
      if (failure.retryAfter().isPresent()) {
        Duration asked = failure.retryAfter().get();
        if (asked.compareTo(policy.maxRetryAfter()) > 0) {
          throw gaveUp(failure, "the server asked to wait " + asked.toSeconds() + " s, longer than the "
              + policy.maxRetryAfter().toSeconds() + " s a call may wait");
        }
        wait = asked.compareTo(wait) > 0 ? asked : wait;
      }
      try {
        clock.sleep(wait);
      } catch (InterruptedException e) {
        throw Interruption.of(modelId, "waiting to retry");
      }
    }
  }

  private static ChatException gaveUp(ChatException last, String attempts) {
    return new ChatException(last.kind(), last.httpStatus().orElse(null), last.retryAfter().orElse(null),
        last.getMessage() + " (gave up after " + attempts + ")");
  }

  @Override
  String details() {
    return "max_attempts=" + policy.maxAttempts();
  }
}

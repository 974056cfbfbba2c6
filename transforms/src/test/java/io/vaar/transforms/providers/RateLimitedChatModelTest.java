package io.vaar.transforms.providers;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import io.vaar.transforms.chat.ChatMessage;
import io.vaar.transforms.chat.ChatReply;
import io.vaar.transforms.chat.ChatRequest;
import io.vaar.transforms.chat.FinishReason;
import io.vaar.transforms.chat.GenerationSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimitedChatModelTest {

  private final FakeClock clock = new FakeClock();

  @Test
  void spacesCallsToTheRequestsPerMinuteBudget() throws Exception {
    RateLimitedChatModel model = new RateLimitedChatModel(new ScriptedChatModel(),
        new CallLimits(4, 60, null, clock), clock, "m");
    for (int i = 0; i < 5; i++) {
      model.complete(TestSpecs.conversation("q"));
    }
    assertThat(clock.sleeps(), is(List.of(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1),
        Duration.ofSeconds(1))));
  }

  @Test
  void neverStartsMoreThanTheBudgetInAnyMinute() throws Exception {
    int perMinute = 100;
    List<Long> starts = new ArrayList<>();
    RateLimitedChatModel model = new RateLimitedChatModel(request -> {
      starts.add(clock.nanoTime());
      return ChatReply.of("1", 0);
    }, new CallLimits(1, perMinute, null, clock), clock, "m");
    for (int i = 0; i < 350; i++) {
      model.complete(TestSpecs.conversation("q"));
    }
    long minute = Duration.ofMinutes(1).toNanos();
    for (int i = 0; i < starts.size(); i++) {
      int j = i;
      while (j < starts.size() && starts.get(j) < starts.get(i) + minute) {
        j++;
      }
      assertThat(j - i, lessThanOrEqualTo(perMinute));
    }
  }

  @Test
  void settlesTheTokenBudgetWithReportedUsage() throws Exception {
    // 600 tokens per minute = 10 per second; each call reports 20 tokens used
    ChatReply reply = new ChatReply("1", FinishReason.STOP, 15L, 5L, 0, false);
    RateLimitedChatModel model = new RateLimitedChatModel(request -> reply,
        new CallLimits(1, null, 600L, clock), clock, "m");
    ChatRequest request = new ChatRequest("", List.of(ChatMessage.user("x".repeat(40))),
        new GenerationSettings(null, 50, null, null));
    long estimate = RateLimitedChatModel.estimatedTokens(request);
    assertThat(estimate, is(60L));
    model.complete(request);
    model.complete(request);
    model.complete(request);
    // first starts at once; the second waits for the settled 20 tokens (2 s), the third likewise
    assertThat(clock.sleeps(), is(List.of(Duration.ofSeconds(2), Duration.ofSeconds(2))));
  }
}

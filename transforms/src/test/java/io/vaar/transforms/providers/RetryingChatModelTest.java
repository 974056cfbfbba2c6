package io.vaar.transforms.providers;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vaar.transforms.chat.ChatException;
import io.vaar.transforms.chat.ChatException.Kind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RetryingChatModelTest {

  private final FakeClock clock = new FakeClock();
  private final RetryPolicy policy = RetryPolicy.withAttempts(4)
      .withBackoff(Duration.ofMillis(100), Duration.ofMillis(300));

  private RetryingChatModel retrying(ScriptedChatModel delegate) {
    return new RetryingChatModel(delegate, policy, clock, () -> 1.0, "m");
  }

  @ParameterizedTest
  @EnumSource(value = Kind.class, names = {"RATE_LIMITED", "SERVER", "TIMEOUT", "NETWORK", "MALFORMED"})
  void retriesEveryRetryableKindWithExponentialBackoff(Kind kind) throws Exception {
    ScriptedChatModel delegate = new ScriptedChatModel().failing(
        new ChatException(kind, "x"), new ChatException(kind, "x"), new ChatException(kind, "x"));
    assertThat(retrying(delegate).complete(TestSpecs.conversation("q")).text(), is("4"));
    assertThat(delegate.calls(), is(4));
    // jitter 1.0 draws the top of each interval: 100, 200, then capped at 300 ms
    assertThat(clock.sleeps(), is(List.of(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(300))));
  }

  @Test
  void jitterSpreadsWaitsOverTheUpperHalf() {
    assertThat(policy.backoff(2, 0.0), is(Duration.ofMillis(100)));
    assertThat(policy.backoff(2, 0.5), is(Duration.ofMillis(150)));
  }

  @Test
  void neverRetriesARejectedRequest() {
    ScriptedChatModel delegate = new ScriptedChatModel().failing(new ChatException(Kind.REJECTED, 401, null, "bad key"));
    ChatException e = assertThrows(ChatException.class, () -> retrying(delegate).complete(TestSpecs.conversation("q")));
    assertThat(e.getMessage(), is("bad key"));
    assertThat(delegate.calls(), is(1));
    assertThat(clock.sleeps(), is(empty()));
  }

  @Test
  void givesUpAfterMaxAttemptsKeepingTheKind() {
    ScriptedChatModel delegate = new ScriptedChatModel();
    for (int i = 0; i < 5; i++) {
      delegate.failing(new ChatException(Kind.SERVER, 503, null, "HTTP 503"));
    }
    ChatException e = assertThrows(ChatException.class, () -> retrying(delegate).complete(TestSpecs.conversation("q")));
    assertThat(e.kind(), is(Kind.SERVER));
    assertThat(e.httpStatus().orElse(0), is(503));
    assertThat(e.getMessage(), containsString("gave up after 4 attempts, max_attempts: 4"));
    assertThat(delegate.calls(), is(4));
  }

  @Test
  void honoursRetryAfterLongerThanTheBackoff() throws Exception {
    ScriptedChatModel delegate = new ScriptedChatModel()
        .failing(new ChatException(Kind.RATE_LIMITED, 429, Duration.ofSeconds(30), "429"));
    retrying(delegate).complete(TestSpecs.conversation("q"));
    assertThat(clock.sleeps(), is(List.of(Duration.ofSeconds(30))));
  }

  @Test
  void failsAtOnceWhenRetryAfterExceedsTheLimit() {
    ScriptedChatModel delegate = new ScriptedChatModel()
        .failing(new ChatException(Kind.RATE_LIMITED, 429, Duration.ofHours(1), "429"));
    ChatException e = assertThrows(ChatException.class, () -> retrying(delegate).complete(TestSpecs.conversation("q")));
    assertThat(e.getMessage(), containsString("asked to wait 3600 s"));
    assertThat(delegate.calls(), is(1));
    assertThat(clock.sleeps(), is(empty()));
  }
}

package io.vaar.transforms.providers;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vaar.transforms.chat.ChatException;
import io.vaar.transforms.chat.ChatModel;
import io.vaar.transforms.chat.ChatReply;
import io.vaar.transforms.chat.FinishReason;
import io.vaar.transforms.config.ModelSpec;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every provider must do against a real HTTP server speaking its wire format, through the
 * call-handling chain a run uses: answer, wait out a 429's Retry-After, retry a 500, time out,
 * reject a malformed body, and fail fast on 401/404/400 with a message that names the fix.
 * Subclasses supply the wire format.
 */
abstract class ProviderWireContract {

  protected MockWebServer server;
  protected FakeClock clock;

  /** The model under test, with {@code extra} YAML lines, pointed at {@link #server}. */
  abstract ModelSpec spec(String extra);

  /** A successful reply body with this text, 21 input and 1 output token. */
  abstract String replyBody(String text);

  /** An error body as the provider sends it. */
  abstract String errorBody(int status, String message);

  @BeforeEach
  void startServer() throws IOException {
    server = new MockWebServer();
    server.start();
    clock = new FakeClock();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  ChatModel model(String extra) throws ChatException {
    return ChatModelFactory.builder().environment(TestSpecs.ENVIRONMENT).clock(clock).build().create(spec(extra));
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }

  @Test
  void answersWithTextFinishReasonAndUsage() throws Exception {
    server.enqueue(json(200, replyBody("3")));
    ChatReply reply = model("").complete(TestSpecs.conversation("I share my data gladly."));
    assertThat(reply.text(), is("3"));
    assertThat(reply.finishReason(), is(FinishReason.STOP));
    assertThat(reply.inputTokens(), is(21L));
    assertThat(reply.outputTokens(), is(1L));
    assertThat(reply.cached(), is(false));
  }

  @Test
  void waitsOutRetryAfterOn429ThenSucceeds() throws Exception {
    server.enqueue(new MockResponse.Builder(json(429, errorBody(429, "slow down"))).addHeader("Retry-After", "7").build());
    server.enqueue(json(200, replyBody("2")));
    ChatReply reply = model("").complete(TestSpecs.conversation("q"));
    assertThat(reply.text(), is("2"));
    assertThat(server.getRequestCount(), is(2));
    assertThat(clock.sleeps().size(), is(1));
    assertThat(clock.sleeps().get(0), greaterThanOrEqualTo(Duration.ofSeconds(7)));
  }

  @Test
  void retriesServerErrorThenSucceeds() throws Exception {
    server.enqueue(json(500, errorBody(500, "internal")));
    server.enqueue(json(200, replyBody("5")));
    assertThat(model("").complete(TestSpecs.conversation("q")).text(), is("5"));
    assertThat(server.getRequestCount(), is(2));
  }

  @Test
  void timesOutAfterTimeoutSecondsOnEveryAttempt() throws Exception {
    for (int i = 0; i < 2; i++) {
      server.enqueue(new MockResponse.Builder(json(200, replyBody("1"))).headersDelay(600, TimeUnit.MILLISECONDS).build());
    }
    ChatModel model = model("timeout_seconds: 0.2\nmax_attempts: 2");
    ChatException e = assertThrows(ChatException.class, () -> model.complete(TestSpecs.conversation("q")));
    assertThat(e.kind(), is(ChatException.Kind.TIMEOUT));
    assertThat(e.getMessage(), allOf(containsString("timeout_seconds"), containsString("gave up after 2 attempts")));
    assertThat(server.getRequestCount(), is(2));
  }

  @Test
  void reportsMalformedBodyAfterRetrying() throws Exception {
    server.enqueue(json(200, "{\"choices\": [tru"));
    server.enqueue(json(200, "<html>gateway</html>"));
    ChatModel model = model("max_attempts: 2");
    ChatException e = assertThrows(ChatException.class, () -> model.complete(TestSpecs.conversation("q")));
    assertThat(e.kind(), is(ChatException.Kind.MALFORMED));
    assertThat(e.getMessage(), containsString("malformed reply"));
    assertThat(server.getRequestCount(), is(2));
  }

  /** Enqueues one refusal (and an answer that must never be fetched); returns the failure. */
  private ChatException refusedOnce(int status, String serverMessage) throws ChatException {
    server.enqueue(json(status, errorBody(status, serverMessage)));
    server.enqueue(json(200, replyBody("never")));
    ChatModel model = model("");
    ChatException e = assertThrows(ChatException.class, () -> model.complete(TestSpecs.conversation("q")));
    assertThat(e.kind(), is(ChatException.Kind.REJECTED));
    assertThat(e.httpStatus().orElse(0), is(status));
    assertThat(server.getRequestCount(), is(1));
    assertThat(clock.sleeps(), is(empty()));
    return e;
  }

  @Test
  void failsFastOn401NamingTheKeyVariable() throws Exception {
    assertThat(refusedOnce(401, "API key not valid").getMessage(), allOf(containsString("'" + spec("").id() + "'"),
        containsString("api_key_env"), containsString(TestSpecs.KEY_VARIABLE)));
  }

  @Test
  void failsFastOn404NamingModelAndBaseUrl() throws Exception {
    assertThat(refusedOnce(404, "model not found").getMessage(),
        allOf(containsString(spec("").model()), containsString("base_url")));
  }

  @Test
  void failsFastOn400NamingTheSettings() throws Exception {
    assertThat(refusedOnce(400, "temperature out of range").getMessage(),
        allOf(containsString("temperature"), containsString("bad request")));
  }
}

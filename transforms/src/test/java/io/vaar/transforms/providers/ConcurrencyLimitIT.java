package io.vaar.transforms.providers;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import io.vaar.transforms.chat.ChatModel;
import io.vaar.transforms.config.ModelSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * The {@code max_concurrency} cap holds against a real server under many more callers than
 * permits, across two client instances of the same model (as two DoFn instances would hold).
 */
class ConcurrencyLimitIT {

  /** Answers every call after a short delay, recording the most calls it ever had in flight. */
  static final class InFlightRecorder extends Dispatcher {
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
      maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      try {
        Thread.sleep(20);
        return ProviderWireContract.json(200, OpenAiChatModelIT.completion("3", "stop"));
      } finally {
        inFlight.decrementAndGet();
      }
    }
  }

  @Test
  void neverHasMoreThanMaxConcurrencyCallsInFlight() throws Exception {
    InFlightRecorder recorder = new InFlightRecorder();
    int callers = 64;
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(recorder);
      server.start();
      ModelSpec spec = TestSpecs.openAi(server.url("/v1").toString(), "max_concurrency: 8");
      ChatModelFactory factory = ChatModelFactory.builder().environment(TestSpecs.ENVIRONMENT)
          .limits(new SharedCallLimits(CallClock.system())).build();
      List<ChatModel> clients = List.of(factory.create(spec), factory.create(spec));
      ExecutorService pool = Executors.newFixedThreadPool(callers);
      try {
        List<Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < callers * 3; i++) {
          ChatModel client = clients.get(i % 2);
          String question = "question " + i;
          answers.add(pool.submit(() -> client.complete(TestSpecs.conversation(question)).text()));
        }
        for (Future<String> answer : answers) {
          assertThat(answer.get(), is("3"));
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(server.getRequestCount(), is(callers * 3));
      // the cap is what matters; reaching it exactly depends on scheduling on a loaded machine
      assertThat(recorder.maxInFlight.get(), lessThanOrEqualTo(8));
      assertThat(recorder.maxInFlight.get(), greaterThan(1));
    }
  }
}

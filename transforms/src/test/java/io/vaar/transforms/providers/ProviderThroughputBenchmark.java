package io.vaar.transforms.providers;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import com.sun.net.httpserver.HttpServer;
import io.vaar.transforms.chat.ChatModel;
import io.vaar.transforms.config.ModelSpec;
import com.sun.management.OperatingSystemMXBean;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Throughput of the whole call chain (settings, cache off, retry, rate limit, openai-java over
 * HTTP) against a local OpenAI-format endpoint that answers after a fixed 100 ms, with
 * {@code max_concurrency: 32}: the bound is 32 / 0.1 s = 320 requests per second. Not part of
 * {@code mvn verify}; run it with
 * {@code mvn -o -pl transforms test -Dtest=ProviderThroughputBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ProviderThroughputBenchmark {

  static final int MAX_CONCURRENCY = 32;
  static final int LATENCY_MS = 100;
  static final int CALLERS = 96;
  static final int WARMUP_CALLS = 1_000;
  static final int MEASURED_CALLS = 4_000;

  @Test
  void reachesMostOfTheConcurrencyBound() throws Exception {
    double perSecond = measure();
    double bound = MAX_CONCURRENCY * 1000.0 / LATENCY_MS;
    System.out.printf("throughput: %.1f requests/s = %.1f%% of the %.0f requests/s bound%n",
        perSecond, 100 * perSecond / bound, bound);
    assertThat(perSecond, greaterThanOrEqualTo(0.85 * bound));
  }

  static double measure() throws Exception {
    // The JDK server writes headers and body separately; without TCP_NODELAY, Nagle's algorithm
    // and the client's delayed ACK add ~40 ms to every response, which is the server's cost, not ours.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
    ExecutorService serverThreads = Executors.newFixedThreadPool(2 * MAX_CONCURRENCY + 8);
    server.setExecutor(serverThreads);
    byte[] reply = OpenAiChatModelIT.completion("3", "stop").getBytes(StandardCharsets.UTF_8);
    server.createContext("/v1/chat/completions", exchange -> {
      exchange.getRequestBody().readAllBytes();
      try {
        Thread.sleep(LATENCY_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, reply.length);
      try (OutputStream body = exchange.getResponseBody()) {
        body.write(reply);
      }
    });
    server.start();
    ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
    try {
      ModelSpec spec = TestSpecs.openAi("http://127.0.0.1:" + server.getAddress().getPort() + "/v1",
          "max_concurrency: " + MAX_CONCURRENCY + "\nmax_tokens: 4");
      ChatModel model = ChatModelFactory.builder().environment(TestSpecs.ENVIRONMENT)
          .limits(new SharedCallLimits(CallClock.system())).build().create(spec);
      run(model, callers, WARMUP_CALLS);
      long cpuStart = processCpuNanos();
      long start = System.nanoTime();
      long latencyMs = run(model, callers, MEASURED_CALLS);
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("mean call latency %.1f ms; CPU per call (client and server) %.2f ms%n",
          latencyMs / (double) MEASURED_CALLS, (processCpuNanos() - cpuStart) / 1e6 / MEASURED_CALLS);
      model.close();
      return MEASURED_CALLS / seconds;
    } finally {
      callers.shutdownNow();
      server.stop(0);
      serverThreads.shutdownNow();
    }
  }

  /** Makes {@code calls} calls from all callers; returns the sum of their latencies in ms. */
  private static long run(ChatModel model, ExecutorService callers, int calls) throws Exception {
    AtomicInteger next = new AtomicInteger();
    AtomicLong latencyMs = new AtomicLong();
    List<Future<?>> work = new ArrayList<>();
    for (int c = 0; c < CALLERS; c++) {
      work.add(callers.submit(() -> {
        for (int i = next.getAndIncrement(); i < calls; i = next.getAndIncrement()) {
          latencyMs.addAndGet(model.complete(TestSpecs.conversation("item " + i)).latencyMs());
        }
        return null;
      }));
    }
    for (Future<?> done : work) {
      done.get();
    }
    return latencyMs.get();
  }

  private static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
  }

  public static void main(String[] args) throws Exception {
    new ProviderThroughputBenchmark().reachesMostOfTheConcurrencyBound();
  }
}

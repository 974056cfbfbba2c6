package io.vaar.transforms.providers;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vaar.transforms.chat.ChatException;
import io.vaar.transforms.chat.ChatModel;
import io.vaar.transforms.config.ConfigException;
import io.vaar.transforms.config.ModelSpec;
import io.vaar.transforms.config.ModelsConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A planted key never leaves the environment lookup: not in exception messages (even when a
 * hostile server echoes the key back in every error), not in a {@code toString}, not in a cache
 * file. Every way a call can fail is exercised for both providers and everything they produced
 * is scanned.
 */
class SecretsIT {

  private static final String VARIABLE = "VAAR_PLANTED_KEY";
  private static final String KEY = "sk-PLANTED-c0ffee-9d8e7f-DO-NOT-LEAK";
  private static final Function<String, String> ENV = Map.of(VARIABLE, KEY)::get;

  @TempDir
  Path output;

  private final List<String> produced = new ArrayList<>();

  /** Answers by script, echoing whatever credentials the request carried into the body. */
  private static final class EchoingServer extends Dispatcher {
    private final List<Integer> statuses;
    private int next;

    EchoingServer(List<Integer> statuses) {
      this.statuses = statuses;
    }

    @Override
    public synchronized MockResponse dispatch(RecordedRequest request) {
      int status = statuses.get(Math.min(next++, statuses.size() - 1));
      String echoed = request.getHeaders().get("Authorization") + " " + request.getHeaders().get("x-goog-api-key");
      String body = status == 200 ? OpenAiChatModelIT.completion("ok", "stop").replace("}]", "}],\"x\":\"" + echoed + "\"")
          : status == 299 ? "not json: " + echoed
          : "{\"error\":{\"code\":" + status + ",\"message\":\"Incorrect API key provided: " + echoed
              + "\",\"status\":\"UNAUTHENTICATED\"}}";
      MockResponse.Builder response = new MockResponse.Builder().code(status == 299 ? 200 : status).body(body)
          .addHeader("Content-Type", "application/json");
      if (status == 598) {
        response.headersDelay(600, TimeUnit.MILLISECONDS);
      }
      return response.build();
    }
  }

  private void callAndRecord(ModelSpec spec, List<Integer> statuses) throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(new EchoingServer(statuses));
      server.start();
      String url = spec.provider().configName().equals("openai") ? server.url("/v1").toString() : server.url("/").toString();
      ModelSpec pointed = new ModelSpec(spec.id(), spec.provider(), spec.model(), url, spec.apiKeyEnv(), null,
          null, null, null, null, 2, null, null, 0.3, 2, null);
      callAndRecord(pointed);
    }
  }

  private void callAndRecord(ModelSpec spec) throws Exception {
    produced.add(spec.toString());
    ChatModel model = ChatModelFactory.builder().environment(ENV).clock(new FakeClock())
        .cacheDirectory(output.resolve("cache")).build().create(spec);
    produced.add(model.toString());
    try (model) {
      produced.add(model.complete(TestSpecs.conversation("q " + produced.size())).toString());
    } catch (ChatException e) {
      produced.add(e.getMessage());
      produced.add(e.toString());
    }
  }

  @Test
  void aPlantedKeyAppearsInNoMessageToStringOrCacheFile() throws Exception {
    for (String provider : List.of("openai", "gemini")) {
      ModelSpec spec = TestSpecs.spec("id: echo-" + provider + "\nprovider: " + provider + "\nmodel: m\nbase_url: "
          + "http://127.0.0.1:1/v1\napi_key_env: " + VARIABLE, ENV);
      callAndRecord(spec, List.of(200));
      callAndRecord(spec, List.of(401));
      callAndRecord(spec, List.of(403));
      callAndRecord(spec, List.of(404));
      callAndRecord(spec, List.of(400));
      callAndRecord(spec, List.of(429, 500));
      callAndRecord(spec, List.of(299));
      callAndRecord(spec, List.of(598));
      int closedPort;
      try (ServerSocket socket = new ServerSocket(0)) {
        closedPort = socket.getLocalPort();
      }
      callAndRecord(new ModelSpec(spec.id(), spec.provider(), "m", "http://127.0.0.1:" + closedPort + "/v1",
          VARIABLE, null, null, null, null, null, 1, null, null, 1, 1, null));
    }
    ConfigException pasted = assertThrows(ConfigException.class, () -> ModelsConfig.parse(
        "models:\n  - id: x\n    provider: openai\n    model: m\n    api_key_env: " + KEY + "\n", ENV));
    produced.add(pasted.getMessage());
    try (Stream<Path> files = Files.walk(output)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        produced.add(Files.readString(file));
      }
    }

    assertThat(produced.size(), greaterThan(40));
    assertThat(String.join("\n", produced), containsString("[redacted]"));
    for (String text : produced) {
      assertThat(text, not(containsString(KEY)));
      assertThat(text, not(containsString("c0ffee-9d8e7f")));
    }
    assertThat(produced.stream().anyMatch(t -> t.contains("\"text\":\"ok\"")), is(true));
  }

  @Test
  void aKeyVariableUnsetAfterValidationIsNamedNotRevealed() throws IOException {
    ModelSpec spec = TestSpecs.spec("id: late\nprovider: gemini\nmodel: m\napi_key_env: " + VARIABLE, ENV);
    ChatException e = assertThrows(ChatException.class,
        () -> ChatModelFactory.builder().environment(name -> null).build().create(spec));
    assertThat(e.getMessage(), containsString(VARIABLE + " named by api_key_env is not set"));
  }
}

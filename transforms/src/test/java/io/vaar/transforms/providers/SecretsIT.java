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
 * A planted key never leaves the environment lookup or the Secret Manager read: not in exception
 * messages (even when a hostile server echoes the key back in every error), not in a {@code
 * toString}, not in a cache file. Every way a call can fail is exercised for both providers and
 * both places a key is kept, and everything they produced is scanned.
 */
class SecretsIT {

  private static final String VARIABLE = "VAAR_PLANTED_KEY";
  private static final String KEY = "sk-PLANTED-c0ffee-9d8e7f-DO-NOT-LEAK";
  private static final Function<String, String> ENV = Map.of(VARIABLE, KEY)::get;
  private static final String SECRET = "projects/vaar-test/secrets/planted/versions/latest";

  @TempDir
  Path output;

  private final List<String> produced = new ArrayList<>();
  /** One worker's Secret Manager reader, shared by every model built in the test. */
  private SecretManagerKeys secrets;

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
      ModelSpec pointed = new ModelSpec(spec.id(), spec.provider(), spec.model(), url, spec.apiKeyEnv(), spec.apiKeySecret(), null,
          null, null, null, null, 2, null, null, 0.3, 2, null);
      callAndRecord(pointed);
    }
  }

  private void callAndRecord(ModelSpec spec) throws Exception {
    produced.add(spec.toString());
    ChatModelFactory.Builder factory = ChatModelFactory.builder().environment(ENV).clock(new FakeClock())
        .cacheDirectory(output.resolve("cache"));
    if (secrets != null) {
      factory.secrets(secrets);
    }
    ChatModel model;
    try {
      model = factory.build().create(spec);
    } catch (ChatException e) {
      produced.add(e.getMessage());
      produced.add(e.toString());
      return;
    }
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
    callEveryWay("api_key_env: " + VARIABLE);
    scanEverythingProduced();
  }

  @Test
  void aPlantedSecretAppearsInNoMessageToStringOrCacheFile() throws Exception {
    try (FakeSecretManager planted = new FakeSecretManager()) {
      secrets = planted.put(SECRET, KEY).keys();
      callEveryWay("api_key_secret: " + SECRET);
      String denied = "projects/vaar-test/secrets/denied/versions/2";
      planted.put(denied, KEY).fail(denied, io.grpc.Status.Code.PERMISSION_DENIED, "denied for " + denied);
      for (String unreadable : List.of(denied, "projects/vaar-test/secrets/missing/versions/1")) {
        callAndRecord(TestSpecs.spec("id: unreadable\nprovider: openai\nmodel: m\napi_key_secret: " + unreadable, ENV));
      }
      assertThat(produced.stream().filter(t -> t.contains("cannot read api_key_secret")).count(), is(4L));
      assertThat("one fetch of the planted secret for every model and call", planted.accesses(SECRET), is(1));
    }
    scanEverythingProduced();
  }

  private void callEveryWay(String keyLine) throws Exception {
    for (String provider : List.of("openai", "gemini")) {
      ModelSpec spec = TestSpecs.spec("id: echo-" + provider + "\nprovider: " + provider + "\nmodel: m\nbase_url: "
          + "http://127.0.0.1:1/v1\n" + keyLine, ENV);
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
          spec.apiKeyEnv(), spec.apiKeySecret(), null, null, null, null, null, 1, null, null, 1, 1, null));
    }
  }

  private void scanEverythingProduced() throws IOException {
    ConfigException pasted = assertThrows(ConfigException.class, () -> ModelsConfig.parse(
        "models:\n  - id: x\n    provider: openai\n    model: m\n    api_key_env: " + KEY + "\n", ENV));
    produced.add(pasted.getMessage());
    ConfigException pastedAsSecret = assertThrows(ConfigException.class, () -> ModelsConfig.parse(
        "models:\n  - id: x\n    provider: openai\n    model: m\n    api_key_secret: " + KEY + "\n", ENV));
    produced.add(pastedAsSecret.getMessage());
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

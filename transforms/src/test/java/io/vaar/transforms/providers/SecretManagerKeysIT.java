package io.vaar.transforms.providers;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.grpc.Status;
import io.vaar.transforms.chat.ChatException;
import io.vaar.transforms.chat.ChatModel;
import io.vaar.transforms.config.ModelSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code api_key_secret} against a real gRPC Secret Manager on loopback: the key it holds is what
 * the providers send, it is fetched once however many models and calls use it, and a secret that
 * cannot be read is one line naming the secret and the fix, never a key.
 */
class SecretManagerKeysIT {

  private static final String SECRET = "projects/vaar-test/secrets/openai-api-key/versions/latest";
  private static final String KEY = "sk-from-secret-manager-5f1d2c";
  private static final Function<String, String> NO_ENVIRONMENT = Map.<String, String>of()::get;

  private FakeSecretManager secretManager;
  private MockWebServer server;

  @BeforeEach
  void start() throws Exception {
    secretManager = new FakeSecretManager().put(SECRET, KEY + "\n");
    server = new MockWebServer();
    server.start();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    secretManager.close();
  }

  private ModelSpec spec(String id, String provider, String secret) {
    String url = provider.equals("openai") ? server.url("/v1").toString() : server.url("/").toString();
    return TestSpecs.spec("id: " + id + "\nprovider: " + provider + "\nmodel: m\nbase_url: " + url
        + "\napi_key_secret: " + secret + "\nmax_attempts: 1", NO_ENVIRONMENT);
  }

  private static MockResponse json(String body) {
    return new MockResponse.Builder().code(200).body(body).addHeader("Content-Type", "application/json").build();
  }

  @Test
  void theSecretIsTheKeyEveryModelSendsAndIsFetchedOnce() throws Exception {
    ChatModelFactory factory = ChatModelFactory.builder().environment(NO_ENVIRONMENT)
        .secrets(secretManager.keys()).clock(new FakeClock()).build();
    List<ChatModel> models = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      models.add(factory.create(spec("openai-" + i, "openai", SECRET)));
    }
    for (ChatModel model : models) {
      for (int call = 0; call < 3; call++) {
        server.enqueue(json(OpenAiChatModelIT.completion("4", "stop")));
        model.complete(TestSpecs.conversation("q" + call));
      }
      model.close();
    }
    try (ChatModel gemini = factory.create(spec("gemini", "gemini", SECRET))) {
      server.enqueue(json(GeminiChatModelIT.response("4", "STOP")));
      gemini.complete(TestSpecs.conversation("q"));
    }

    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      keys.add(server.takeRequest().getHeaders().get("Authorization"));
    }
    assertThat(keys, everyItem(is("Bearer " + KEY)));
    RecordedRequest geminiCall = server.takeRequest();
    assertThat(geminiCall.getHeaders().get("x-goog-api-key"), is(KEY));
    assertThat("one fetch for four models and ten calls", secretManager.accesses(SECRET), is(1));
  }

  @Test
  void modelsBuiltAtOnceOnOneWorkerShareOneFetch() throws Exception {
    SecretManagerKeys keys = secretManager.keys();
    Endpoint endpoint = Endpoint.of(spec("m", "openai", SECRET), "http://x", SECRET);
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Callable<String>> reads = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        reads.add(() -> keys.read(SECRET, endpoint));
      }
      for (Future<String> read : threads.invokeAll(reads)) {
        assertThat(read.get(), is(KEY));
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(secretManager.accesses(SECRET), is(1));
  }

  @Test
  void permissionDeniedNamesTheSecretAndTheRoleInOneLine() {
    String denied = "projects/vaar-test/secrets/other/versions/3";
    secretManager.put(denied, KEY).fail(denied, Status.Code.PERMISSION_DENIED,
        "Permission 'secretmanager.versions.access' denied for resource '" + denied + "' (or it may not exist).");
    String message = createFails(denied);
    assertThat(message, containsString("model 'openai' (openai m at "));
    assertThat(message, containsString("cannot read api_key_secret " + denied + " — permission denied: grant"
        + " roles/secretmanager.secretAccessor on the secret to the service account the calls run as"
        + " (on Dataflow, the worker service account)"));
  }

  @Test
  void aMissingSecretSaysToCheckTheName() {
    String missing = "projects/vaar-test/secrets/typo/versions/latest";
    String message = createFails(missing);
    assertThat(message, containsString("cannot read api_key_secret " + missing + " — not found: check the"
        + " project, secret name and version"));
  }

  @Test
  void aDisabledOrEmptyVersionSaysWhatToDo() {
    String disabled = "projects/vaar-test/secrets/openai-api-key/versions/1";
    secretManager.fail(disabled, Status.Code.FAILED_PRECONDITION, "Secret Version is in DISABLED state.");
    assertThat(createFails(disabled), containsString("the version is disabled or destroyed"));
    String empty = "projects/vaar-test/secrets/empty/versions/latest";
    secretManager.put(empty, " \n");
    assertThat(createFails(empty), containsString("the secret version is empty"));
  }

  @Test
  void aFailedReadIsNotKeptSoAFixedPermissionTakesEffect() throws Exception {
    String late = "projects/vaar-test/secrets/granted-later/versions/latest";
    SecretManagerKeys keys = secretManager.keys();
    Endpoint endpoint = Endpoint.of(spec("m", "openai", late), "http://x", late);
    secretManager.fail(late, Status.Code.PERMISSION_DENIED, "denied");
    assertThrows(ChatException.class, () -> keys.read(late, endpoint));
    secretManager.put(late, KEY);
    assertThat(keys.read(late, endpoint), is(KEY));
    assertThat(keys.read(late, endpoint), is(KEY));
    assertThat(secretManager.accesses(late), is(2));
  }

  @Test
  void anUnreachableSecretManagerIsANetworkFailure() throws Exception {
    SecretManagerKeys keys = secretManager.keys();
    secretManager.close();
    Endpoint endpoint = Endpoint.of(spec("m", "openai", SECRET), "http://x", SECRET);
    ChatException e = assertThrows(ChatException.class, () -> keys.read(SECRET, endpoint));
    assertThat(e.kind(), is(ChatException.Kind.NETWORK));
    assertThat(e.getMessage(), containsString("Secret Manager could not be reached"));
    assertThat(e.getMessage().contains("\n"), is(false));
  }

  /** Builds a model on the secret, expecting a one-line rejection that holds no key. */
  private String createFails(String secret) {
    ChatModelFactory factory = ChatModelFactory.builder().environment(NO_ENVIRONMENT)
        .secrets(secretManager.keys()).build();
    ChatException e = assertThrows(ChatException.class, () -> factory.create(spec("openai", "openai", secret)));
    assertThat(e.kind(), is(ChatException.Kind.REJECTED));
    assertThat(e.getMessage().contains("\n"), is(false));
    assertThat(e.getMessage(), not(containsString(KEY)));
    return e.getMessage();
  }
}

package io.vaar.transforms.providers;

import com.google.auth.oauth2.GoogleCredentials;
import com.google.genai.Client;
import com.google.genai.errors.ApiException;
import com.google.genai.errors.GenAiIOException;
import com.google.genai.types.Candidate;
import com.google.genai.types.ClientOptions;
import com.google.genai.types.Content;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.GenerateContentResponseUsageMetadata;
import com.google.genai.types.HttpOptions;
import com.google.genai.types.HttpRetryOptions;
import com.google.genai.types.Part;
import io.vaar.transforms.chat.ChatException;
import io.vaar.transforms.chat.ChatMessage;
import io.vaar.transforms.chat.ChatModel;
import io.vaar.transforms.chat.ChatReply;
import io.vaar.transforms.chat.ChatRequest;
import io.vaar.transforms.chat.FinishReason;
import io.vaar.transforms.chat.GenerationSettings;
import io.vaar.transforms.config.ModelSpec;
import io.vaar.transforms.config.VertexLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import okhttp3.OkHttpClient;

/**
 * A Gemini model through Google's Gen AI SDK, on the Gemini API (key from the variable named by
 * {@code api_key_env} or the Secret Manager version named by {@code api_key_secret}) or on Vertex AI (project and location from the spec, credentials from
 * Application Default Credentials); {@code base_url} points the SDK at a proxy or a test server.
 * The system message becomes the system instruction, turns become {@code user}/{@code model}
 * contents, settings become the generation config; safety stops map to {@link
 * FinishReason#CONTENT_FILTER}. The SDK's own retries are switched off, so that {@link
 * RetryingChatModel} is the only retry layer.
 */
public final class GeminiChatModel implements ChatModel {

  private static final Set<String> FILTERED = Set.of("SAFETY", "RECITATION", "BLOCKLIST",
      "PROHIBITED_CONTENT", "SPII", "IMAGE_SAFETY", "IMAGE_PROHIBITED_CONTENT", "IMAGE_RECITATION");

  private final Client client;
  private final String model;
  private final Endpoint endpoint;
  private final SecretRedactor redactor;
  private final double timeoutSeconds;
  private final RetryAfterCapture retryAfter = new RetryAfterCapture();

  /**
   * @param environment looks up environment variables by name ({@code System::getenv} in a run)
   * @throws ChatException if {@code api_key_env} names a variable that is not set, or the secret
   *     named by {@code api_key_secret} cannot be read
   */
  public GeminiChatModel(ModelSpec spec, Function<String, String> environment) throws ChatException {
    this(spec, ApiKeys.from(environment), null);
  }

  /**
   * As {@link #GeminiChatModel(ModelSpec, Function)}, with explicit Vertex AI credentials instead of
   * Application Default Credentials (for tests and for callers that manage credentials).
   */
  public GeminiChatModel(ModelSpec spec, Function<String, String> environment,
      GoogleCredentials vertexCredentials) throws ChatException {
    this(spec, ApiKeys.from(environment), vertexCredentials);
  }

  GeminiChatModel(ModelSpec spec, ApiKeys keys, GoogleCredentials vertexCredentials) throws ChatException {
    VertexLocation vertex = spec.vertex();
    String url = spec.baseUrl() != null ? spec.baseUrl()
        : vertex != null ? "Vertex AI " + vertex.project() + "/" + vertex.location() : "the Gemini API";
    this.endpoint = Endpoint.of(spec, url, vertex != null ? "adc" : Endpoint.keySource(spec));
    this.model = spec.model();
    this.timeoutSeconds = spec.timeoutSeconds();
    HttpOptions.Builder http = HttpOptions.builder()
        .retryOptions(HttpRetryOptions.builder().attempts(1).build())
        .timeout((int) Math.min(Integer.MAX_VALUE, spec.timeout().toMillis()));
    if (spec.baseUrl() != null) {
      http.baseUrl(spec.baseUrl());
    }
    Client.Builder builder = Client.builder()
        .httpOptions(http.build())
        .clientOptions(ClientOptions.builder()
            .customHttpClient(new OkHttpClient.Builder().addInterceptor(retryAfter).build())
            .build());
    if (vertex != null) {
      builder.vertexAI(true).project(vertex.project()).location(vertex.location());
      if (vertexCredentials != null) {
        builder.credentials(vertexCredentials);
      }
      this.redactor = new SecretRedactor(null);
    } else {
      String key = keys.forModel(spec, endpoint);
      builder.vertexAI(false).apiKey(key);
      this.redactor = new SecretRedactor(key);
    }
    try {
      this.client = builder.build();
    } catch (RuntimeException e) {
      throw new ChatException(ChatException.Kind.REJECTED, endpoint.label() + ": cannot set up the Gen AI"
          + " client — " + endpoint.authenticationFix() + " (" + redactor.redact(HttpFailures.rootMessage(e)) + ")");
    }
  }

  @Override
  public ChatReply complete(ChatRequest request) throws ChatException {
    long start = System.nanoTime();
    GenerateContentResponse response;
    retryAfter.clear();
    try {
      response = client.models.generateContent(model, contents(request), config(request));
    } catch (ApiException e) {
      throw HttpFailures.forStatus(endpoint, e.code(), retryAfter.take(),
          redactor.redact(e.status() + " " + e.message()));
    } catch (GenAiIOException e) {
      throw HttpFailures.forTransport(endpoint, e, timeoutSeconds, redactor);
    } catch (RuntimeException e) {
      throw HttpFailures.malformed(endpoint, HttpFailures.rootMessage(e), redactor);
    }
    return reply(response, (System.nanoTime() - start) / 1_000_000);
  }

  private static List<Content> contents(ChatRequest request) {
    List<Content> contents = new ArrayList<>(request.turns().size());
    for (ChatMessage turn : request.turns()) {
      contents.add(Content.builder()
          .role(turn.role() == ChatMessage.Role.USER ? "user" : "model")
          .parts(Part.fromText(turn.text()))
          .build());
    }
    return contents;
  }

  private static GenerateContentConfig config(ChatRequest request) {
    GenerateContentConfig.Builder config = GenerateContentConfig.builder();
    if (!request.system().isEmpty()) {
      config.systemInstruction(Content.fromParts(Part.fromText(request.system())));
    }
    GenerationSettings settings = request.settings();
    if (settings.temperature() != null) {
      config.temperature(settings.temperature().floatValue());
    }
    if (settings.topP() != null) {
      config.topP(settings.topP().floatValue());
    }
    if (settings.maxTokens() != null) {
      config.maxOutputTokens(settings.maxTokens());
    }
    if (settings.seed() != null) {
      long seed = settings.seed();
      // Gemini seeds are 32-bit; fold larger ones deterministically rather than fail.
      config.seed(seed == (int) seed ? (int) seed : (int) (seed ^ (seed >>> 32)));
    }
    return config.build();
  }

  private ChatReply reply(GenerateContentResponse response, long latencyMs) throws ChatException {
    Optional<GenerateContentResponseUsageMetadata> usage = response.usageMetadata();
    Long input = usage.flatMap(GenerateContentResponseUsageMetadata::promptTokenCount)
        .map(Integer::longValue).orElse(null);
    Long output = usage.flatMap(GenerateContentResponseUsageMetadata::candidatesTokenCount)
        .map(count -> count.longValue() + usage.get().thoughtsTokenCount().orElse(0))
        .orElse(null);
    List<Candidate> candidates = response.candidates().orElse(List.of());
    if (candidates.isEmpty()) {
      boolean blocked = response.promptFeedback().flatMap(f -> f.blockReason()).isPresent();
      if (blocked) {
        return new ChatReply("", FinishReason.CONTENT_FILTER, input, output, latencyMs, false);
      }
      throw HttpFailures.malformed(endpoint, "the reply has no candidates", redactor);
    }
    Candidate candidate = candidates.get(0);
    StringBuilder text = new StringBuilder();
    for (Part part : candidate.content().flatMap(Content::parts).orElse(List.of())) {
      if (!part.thought().orElse(false)) {
        part.text().ifPresent(text::append);
      }
    }
    FinishReason finish = candidate.finishReason()
        .map(reason -> finishReason(reason.toString()))
        .orElse(FinishReason.STOP);
    return new ChatReply(text.toString(), finish, input, output, latencyMs, false);
  }

  private static FinishReason finishReason(String reason) {
    if (reason.equals("STOP")) {
      return FinishReason.STOP;
    }
    if (reason.equals("MAX_TOKENS")) {
      return FinishReason.LENGTH;
    }
    return FILTERED.contains(reason) ? FinishReason.CONTENT_FILTER : FinishReason.OTHER;
  }

  @Override
  public void close() {
    client.close();
  }

  @Override
  public String toString() {
    return "GeminiChatModel(" + endpoint.label() + ")";
  }
}

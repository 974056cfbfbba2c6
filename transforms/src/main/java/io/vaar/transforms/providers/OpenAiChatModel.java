package io.vaar.transforms.providers;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.Timeout;
import com.openai.core.http.Headers;
import com.openai.errors.OpenAIException;
import com.openai.errors.OpenAIInvalidDataException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessage;
import com.openai.models.completions.CompletionUsage;
import io.vaar.transforms.chat.ChatException;
import io.vaar.transforms.chat.ChatMessage;
import io.vaar.transforms.chat.ChatModel;
import io.vaar.transforms.chat.ChatReply;
import io.vaar.transforms.chat.ChatRequest;
import io.vaar.transforms.chat.FinishReason;
import io.vaar.transforms.chat.GenerationSettings;
import io.vaar.transforms.config.ModelSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A chat model behind any OpenAI-compatible chat completions endpoint — OpenAI itself, vLLM,
 * Ollama, a llama.cpp server or a hosted gateway — through the official {@code openai-java}
 * client with the spec's {@code base_url}. The client's own retries are switched off (retrying is
 * {@link RetryingChatModel}'s job) and its failures become {@link ChatException}s whose messages
 * name the model and the fix. The API key is read once, when the model is built, from the
 * variable named by {@code api_key_env} or the Secret Manager version named by {@code
 * api_key_secret}; a model without one (a local server) sends a placeholder.
 */
public final class OpenAiChatModel implements ChatModel {

  public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
  /** Sent as the key to servers that need none; OpenAI-compatible clients must send something. */
  static final String NO_KEY = "no-key";

  private final OpenAIClient client;
  private final String model;
  private final Endpoint endpoint;
  private final SecretRedactor redactor;
  private final double timeoutSeconds;
  private final boolean openAiItself;

  /**
   * @param environment looks up environment variables by name ({@code System::getenv} in a run)
   * @throws ChatException if {@code api_key_env} names a variable that is not set, or the secret
   *     named by {@code api_key_secret} cannot be read
   */
  public OpenAiChatModel(ModelSpec spec, Function<String, String> environment) throws ChatException {
    this(spec, ApiKeys.from(environment));
  }

  OpenAiChatModel(ModelSpec spec, ApiKeys keys) throws ChatException {
    String baseUrl = spec.baseUrl() == null ? DEFAULT_BASE_URL : spec.baseUrl();
    this.endpoint = Endpoint.of(spec, baseUrl, Endpoint.keySource(spec));
    String found = keys.forModel(spec, endpoint);
    String key = found == null ? NO_KEY : found;
    this.redactor = new SecretRedactor(key);
    this.model = spec.model();
    this.timeoutSeconds = spec.timeoutSeconds();
    this.openAiItself = baseUrl.startsWith(DEFAULT_BASE_URL);
    Duration timeout = spec.timeout();
    this.client = OpenAIOkHttpClient.builder()
        .baseUrl(baseUrl)
        .apiKey(key)
        .maxRetries(0)
        .timeout(Timeout.builder().connect(timeout).read(timeout).write(timeout).request(timeout).build())
        .build();
  }

  @Override
  public ChatReply complete(ChatRequest request) throws ChatException {
    long start = System.nanoTime();
    ChatCompletion completion;
    try {
      completion = client.chat().completions().create(parameters(request));
    } catch (OpenAIServiceException e) {
      throw HttpFailures.forStatus(endpoint, e.statusCode(), retryAfter(e.headers()).orElse(null),
          redactor.redact(e.getMessage()));
    } catch (OpenAIIoException e) {
      throw HttpFailures.forTransport(endpoint, e, timeoutSeconds, redactor);
    } catch (OpenAIException e) {
      throw HttpFailures.malformed(endpoint, HttpFailures.rootMessage(e), redactor);
    }
    long latencyMs = (System.nanoTime() - start) / 1_000_000;
    try {
      return reply(completion, latencyMs);
    } catch (OpenAIInvalidDataException e) {
      throw HttpFailures.malformed(endpoint, e.getMessage(), redactor);
    }
  }

  @SuppressWarnings("deprecation") // max_tokens and seed: deprecated by OpenAI, still what local servers read
  private ChatCompletionCreateParams parameters(ChatRequest request) {
    ChatCompletionCreateParams.Builder params = ChatCompletionCreateParams.builder().model(model);
    if (!request.system().isEmpty()) {
      params.addSystemMessage(request.system());
    }
    for (ChatMessage turn : request.turns()) {
      if (turn.role() == ChatMessage.Role.USER) {
        params.addUserMessage(turn.text());
      } else {
        params.addAssistantMessage(turn.text());
      }
    }
    GenerationSettings settings = request.settings();
    if (settings.temperature() != null) {
      params.temperature(settings.temperature());
    }
    if (settings.topP() != null) {
      params.topP(settings.topP());
    }
    if (settings.seed() != null) {
      params.seed(settings.seed());
    }
    if (settings.maxTokens() != null) {
      // OpenAI's newer models accept only max_completion_tokens; vLLM, Ollama and llama.cpp read max_tokens.
      if (openAiItself) {
        params.maxCompletionTokens(settings.maxTokens().longValue());
      } else {
        params.maxTokens(settings.maxTokens().longValue());
      }
    }
    return params.build();
  }

  private ChatReply reply(ChatCompletion completion, long latencyMs) throws ChatException {
    List<ChatCompletion.Choice> choices = completion.choices();
    if (choices.isEmpty()) {
      throw HttpFailures.malformed(endpoint, "the reply has no choices", redactor);
    }
    ChatCompletion.Choice choice = choices.get(0);
    ChatCompletionMessage message = choice.message();
    FinishReason finish = finishReason(choice.finishReason());
    String text = message.content().orElse("");
    if (text.isEmpty() && message.refusal().isPresent()) {
      text = message.refusal().get();
      finish = FinishReason.CONTENT_FILTER;
    }
    Optional<CompletionUsage> usage = completion.usage();
    return new ChatReply(text, finish,
        usage.map(CompletionUsage::promptTokens).orElse(null),
        usage.map(CompletionUsage::completionTokens).orElse(null),
        latencyMs, false);
  }

  private static FinishReason finishReason(ChatCompletion.Choice.FinishReason reason) {
    String value = reason.asString();
    return switch (value) {
      case "stop" -> FinishReason.STOP;
      case "length" -> FinishReason.LENGTH;
      case "content_filter" -> FinishReason.CONTENT_FILTER;
      default -> FinishReason.OTHER;
    };
  }

  private static Optional<Duration> retryAfter(Headers headers) {
    return RetryAfter.fromHeaders(first(headers, "retry-after-ms"), first(headers, "retry-after"), Instant.now());
  }

  private static String first(Headers headers, String name) {
    List<String> values = headers.values(name);
    return values.isEmpty() ? null : values.get(0);
  }

  @Override
  public void close() {
    client.close();
  }

  @Override
  public String toString() {
    return "OpenAiChatModel(" + endpoint.label() + ")";
  }
}

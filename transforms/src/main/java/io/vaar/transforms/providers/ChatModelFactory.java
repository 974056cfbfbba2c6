package io.vaar.transforms.providers;

import io.vaar.transforms.chat.ChatException;
import io.vaar.transforms.chat.ChatModel;
import io.vaar.transforms.config.ModelSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Builds the chat model a run calls for each {@link ModelSpec}. A remote model (openai, gemini) is
 * wrapped in the call-handling chain, outermost first: {@link DefaultSettingsChatModel} (the
 * spec's generation settings fill what a request leaves open), {@link CachingChatModel} (a hit costs
 * nothing and uses no rate budget), {@link RetryingChatModel}, {@link RateLimitedChatModel} (each
 * attempt waits for its slot and budget), then the provider. A simulated model comes from the
 * function the caller supplies and is used as is, since it costs nothing to call.
 */
public final class ChatModelFactory {

  private final Function<String, String> environment;
  private final SecretManagerKeys secrets;
  private final Function<ModelSpec, ChatModel> simulated;
  private final ResponseCache cache;
  private final CallClock clock;
  private final SharedCallLimits limits;
  private final Duration initialBackoff;
  private final Duration maxBackoff;

  private ChatModelFactory(Builder builder) {
    this.environment = builder.environment;
    this.secrets = builder.secrets;
    this.simulated = builder.simulated;
    this.cache = builder.cache;
    this.clock = builder.clock;
    this.limits = builder.limits != null ? builder.limits
        : builder.clock == CallClock.system() ? SharedCallLimits.jvmWide() : new SharedCallLimits(builder.clock);
    this.initialBackoff = builder.initialBackoff;
    this.maxBackoff = builder.maxBackoff;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The model for one spec, decorated for remote providers, within the model's whole budgets.
   *
   * @throws ChatException if the provider cannot be set up (for example its key variable is unset
   *     or its key secret cannot be read)
   */
  public ChatModel create(ModelSpec spec) throws ChatException {
    return create(spec, provider(spec), () -> limits.forModel(spec));
  }

  /**
   * The model for session shard {@code shard} of a spec: as {@link #create(ModelSpec)}, but its
   * calls draw on the shard's share of the per-minute budgets ({@link
   * SharedCallLimits#forShard}), which keeps a run on many workers within the model's budgets.
   * Every shard of a spec calls through the same provider client.
   *
   * @throws ChatException as {@link #create(ModelSpec)}
   */
  public ChatModel create(ModelSpec spec, int shard, ChatModel provider) throws ChatException {
    return create(spec, provider, () -> limits.forShard(spec, shard));
  }

  /**
   * The provider client of a spec, undecorated: the simulated respondent, or the OpenAI or Gemini
   * client. Build it once per spec and pass it to {@link #create(ModelSpec, int, ChatModel)}.
   *
   * @throws ChatException as {@link #create(ModelSpec)}
   */
  public ChatModel provider(ModelSpec spec) throws ChatException {
    ApiKeys keys = new ApiKeys(environment, secrets != null ? secrets : SecretManagerKeys.jvmWide());
    return switch (spec.provider()) {
      case SIMULATED -> {
        if (simulated == null) {
          throw new ChatException(ChatException.Kind.REJECTED, "model '" + spec.id()
              + "': simulated models are not available in this build");
        }
        yield simulated.apply(spec);
      }
      case OPENAI -> new OpenAiChatModel(spec, keys);
      case GEMINI -> new GeminiChatModel(spec, keys, null);
    };
  }

  private ChatModel create(ModelSpec spec, ChatModel provider,
      Supplier<CallLimits> callLimits) {
    if (!spec.provider().remote()) {
      return provider;
    }
    ChatModel chain = new RateLimitedChatModel(provider, callLimits.get(), clock, spec.id());
    RetryPolicy policy = RetryPolicy.withAttempts(spec.maxAttempts()).withBackoff(initialBackoff, maxBackoff);
    chain = new RetryingChatModel(chain, policy, clock, spec.id());
    if (cache != null) {
      chain = new CachingChatModel(chain, cache, spec.provider().configName(), spec.model());
    }
    return new DefaultSettingsChatModel(chain, spec.generationSettings());
  }

  /** Configures a {@link ChatModelFactory}; every setting has a default fit for a run. */
  public static final class Builder {
    private Function<String, String> environment = System::getenv;
    private SecretManagerKeys secrets;
    private Function<ModelSpec, ChatModel> simulated;
    private ResponseCache cache;
    private CallClock clock = CallClock.system();
    private SharedCallLimits limits;
    private Duration initialBackoff = RetryPolicy.DEFAULT_INITIAL_BACKOFF;
    private Duration maxBackoff = RetryPolicy.DEFAULT_MAX_BACKOFF;

    private Builder() {
    }

    /** Where API keys are looked up by variable name; {@code System::getenv} by default. */
    public Builder environment(Function<String, String> environment) {
      this.environment = Objects.requireNonNull(environment);
      return this;
    }

    /** Where {@code api_key_secret} is read; this JVM's shared reader by default (tests pass a local one). */
    Builder secrets(SecretManagerKeys secrets) {
      this.secrets = secrets;
      return this;
    }

    /** Builds the models of {@code provider: simulated}. */
    public Builder simulated(Function<ModelSpec, ChatModel> simulated) {
      this.simulated = simulated;
      return this;
    }

    /** Caches answers; without a cache every call is made. */
    public Builder cache(ResponseCache cache) {
      this.cache = cache;
      return this;
    }

    /** Caches answers in a local directory, e.g. {@code <run output>/cache}. */
    public Builder cacheDirectory(Path directory) {
      return cache(ResponseCache.inDirectory(directory));
    }

    /** Caches answers at a location on any Beam file system, e.g. {@code gs://b/runs/x/cache}. */
    public Builder cacheLocation(String location) {
      return cache(ResponseCache.at(location));
    }

    /** The clock of rate limits and backoff; a fake one makes tests instant. */
    public Builder clock(CallClock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    /**
     * The limits shared between models built for the same spec; by default the JVM-wide ones on
     * the real clock, or fresh ones on any other clock.
     */
    public Builder limits(SharedCallLimits limits) {
      this.limits = limits;
      return this;
    }

    /** The first retry wait and the longest, before jitter. */
    public Builder backoff(Duration initial, Duration max) {
      this.initialBackoff = initial;
      this.maxBackoff = max;
      return this;
    }

    public ChatModelFactory build() {
      return new ChatModelFactory(this);
    }
  }
}

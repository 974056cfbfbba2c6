package io.vaar.transforms.providers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vaar.transforms.chat.ChatReply;
import io.vaar.transforms.chat.FinishReason;
import io.vaar.transforms.storage.RunStorage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Answers already paid for, by {@link ConversationKey}: one small JSON document per call holding
 * the reply's text, finish reason, token usage and original latency — never the request's
 * credentials or endpoint. An unreadable or foreign entry counts as a miss and is overwritten by
 * the next answer. A failed write does not fail the call (its answer is already paid for); it is
 * counted in {@link #writeFailures()} and reported once as a warning.
 */
public final class ResponseCache {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final System.Logger LOG = System.getLogger(ResponseCache.class.getName());

  private final CacheStorage storage;
  private final AtomicLong writeFailures = new AtomicLong();

  public ResponseCache(CacheStorage storage) {
    this.storage = storage;
  }

  /** A cache in a local directory, e.g. {@code <run output>/cache}. */
  public static ResponseCache inDirectory(Path directory) {
    return new ResponseCache(new LocalCacheStorage(directory));
  }

  /**
   * A cache at a location on any Beam file system ({@code gs://bucket/runs/x/cache}); a local
   * path is a {@link #inDirectory local directory}.
   */
  public static ResponseCache at(String location) {
    return RunStorage.isLocal(location) ? inDirectory(Path.of(location))
        : new ResponseCache(new FileSystemCacheStorage(location));
  }

  public Optional<ChatReply> get(String key) {
    try {
      Optional<byte[]> entry = storage.read(key);
      return entry.isEmpty() ? Optional.empty() : decode(key, entry.get());
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  public void put(String key, String provider, String model, ChatReply reply) {
    ObjectNode entry = JSON.createObjectNode()
        .put("key", key)
        .put("provider", provider)
        .put("model", model)
        .put("text", reply.text())
        .put("finish_reason", reply.finishReason().name())
        .put("input_tokens", reply.inputTokens())
        .put("output_tokens", reply.outputTokens())
        .put("latency_ms", reply.latencyMs());
    try {
      storage.write(key, JSON.writeValueAsBytes(entry));
    } catch (IOException | RuntimeException e) {
      if (writeFailures.getAndIncrement() == 0) {
        LOG.log(System.Logger.Level.WARNING, "response cache: cannot write to " + storage
            + " (" + e.getMessage() + "); answers are not being cached");
      }
    }
  }

  /** How many answers could not be stored. */
  public long writeFailures() {
    return writeFailures.get();
  }

  private static Optional<ChatReply> decode(String key, byte[] bytes) throws IOException {
    JsonNode entry = JSON.readTree(bytes);
    if (entry == null || !key.equals(entry.path("key").asText()) || !entry.path("text").isTextual()) {
      return Optional.empty();
    }
    return Optional.of(new ChatReply(
        entry.get("text").asText(),
        FinishReason.valueOf(entry.path("finish_reason").asText()),
        entry.path("input_tokens").isNumber() ? entry.get("input_tokens").longValue() : null,
        entry.path("output_tokens").isNumber() ? entry.get("output_tokens").longValue() : null,
        entry.path("latency_ms").asLong(),
        false).asCached());
  }

  @Override
  public String toString() {
    return "ResponseCache(" + storage + ")";
  }
}

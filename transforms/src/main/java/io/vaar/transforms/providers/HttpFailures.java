package io.vaar.transforms.providers;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.vaar.transforms.chat.ChatException;
import io.vaar.transforms.chat.ChatException.Kind;
import java.io.InterruptedIOException;
import java.time.Duration;

/**
 * Turns what went wrong in a provider call into a {@link ChatException} of the right kind with a
 * message that names the model and the likely fix: a refused key (401/403), an unknown model or
 * path (404), an invalid request (400/422), a rate limit (429), a server error (5xx), a timeout
 * or a network failure. Both providers use it, so the same status reads the same everywhere.
 */
final class HttpFailures {

  private HttpFailures() {
  }

  static ChatException forStatus(Endpoint endpoint, int status, Duration retryAfter, String detail) {
    String prefix = endpoint.label() + ": HTTP " + status;
    String suffix = detail == null || detail.isEmpty() ? "" : " (server said: " + detail + ")";
    if (status == 401 || status == 403) {
      return new ChatException(Kind.REJECTED, status, null, prefix
          + (status == 401 ? " unauthorized" : " forbidden") + " — " + endpoint.authenticationFix() + suffix);
    }
    if (status == 404) {
      return new ChatException(Kind.REJECTED, status, null, prefix + " not found — check the model name '"
          + endpoint.model() + "' and the base_url" + (endpoint.provider().equals("openai")
          ? " (OpenAI-compatible servers usually serve under …/v1)" : "") + suffix);
    }
    if (status == 400 || status == 422) {
      return new ChatException(Kind.REJECTED, status, null, prefix + " bad request — the endpoint refused the"
          + " request: check that this model supports the configured temperature, max_tokens, top_p and seed"
          + suffix);
    }
    if (status == 408) {
      return new ChatException(Kind.TIMEOUT, status, retryAfter, prefix + " request timeout" + suffix);
    }
    if (status == 429) {
      return new ChatException(Kind.RATE_LIMITED, status, retryAfter, prefix + " rate limited — if this"
          + " persists, lower max_concurrency or requests_per_minute for this model" + suffix);
    }
    if (status >= 500) {
      return new ChatException(Kind.SERVER, status, retryAfter, prefix + " server error" + suffix);
    }
    return new ChatException(Kind.REJECTED, status, null, prefix + " unexpected status" + suffix);
  }

  /**
   * A call that failed below HTTP: a timeout (the call's timeout_seconds), a body that is not
   * JSON (which SDKs report as an I/O failure), or a network failure.
   */
  static ChatException forTransport(Endpoint endpoint, Throwable failure, double timeoutSeconds,
      SecretRedactor redactor) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof JsonProcessingException) {
        return malformed(endpoint, "not the expected JSON: " + cause.getClass().getSimpleName(), redactor);
      }
      if (cause instanceof InterruptedIOException) {
        return new ChatException(Kind.TIMEOUT, endpoint.label() + ": no answer within timeout_seconds ("
            + trim(timeoutSeconds) + " s) — raise timeout_seconds if the model is slow but working");
      }
    }
    return new ChatException(Kind.NETWORK, endpoint.label() + ": network failure — check that the"
        + " endpoint is running and reachable (" + redactor.redact(rootMessage(failure)) + ")");
  }

  static ChatException malformed(Endpoint endpoint, String what, SecretRedactor redactor) {
    return new ChatException(Kind.MALFORMED, endpoint.label() + ": malformed reply — "
        + redactor.redact(what));
  }

  static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
  }

  private static String trim(double seconds) {
    return seconds == Math.rint(seconds) ? Long.toString((long) seconds) : Double.toString(seconds);
  }
}

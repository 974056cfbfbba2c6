package io.vaar.transforms.providers;

import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.StatusCode;
import com.google.cloud.secretmanager.v1.AccessSecretVersionResponse;
import com.google.cloud.secretmanager.v1.SecretManagerServiceClient;
import com.google.cloud.secretmanager.v1.SecretManagerServiceSettings;
import com.google.cloud.secretmanager.v1.SecretPayload;
import io.vaar.transforms.chat.ChatException;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32C;

/**
 * Reads API keys named by {@code api_key_secret} from Google Secret Manager, on the machine that
 * makes the model calls and with its Application Default Credentials — on Dataflow the worker's
 * service account. Each secret version is fetched once per JVM and kept in memory, so a worker
 * makes one request per secret however many models and calls use it; a failed read is not kept,
 * so the next model built tries again. A failure message names the secret version, what went
 * wrong and the fix (the IAM role, the name to check), never a key. There is no check on the
 * launching machine: its identity and permissions need not be the workers', so a denial there
 * would prove nothing about the run.
 */
final class SecretManagerKeys {

  /** How the client reaches Secret Manager: the defaults (ADC, the public endpoint) in a run. */
  interface ClientSettings {
    SecretManagerServiceSettings get() throws IOException;
  }

  private static volatile SecretManagerKeys jvmWide =
      new SecretManagerKeys(() -> SecretManagerServiceSettings.newBuilder().build());

  private final ClientSettings settings;
  private final Map<String, String> keys = new ConcurrentHashMap<>();
  private final Map<String, Object> locks = new ConcurrentHashMap<>();

  SecretManagerKeys(ClientSettings settings) {
    this.settings = settings;
  }

  /** The reader every model of this JVM shares, so that each secret is fetched once per worker. */
  static SecretManagerKeys jvmWide() {
    return jvmWide;
  }

  /** Test seam: points every model built from now on at another Secret Manager; returns the old reader. */
  static SecretManagerKeys replaceJvmWide(SecretManagerKeys keys) {
    SecretManagerKeys previous = jvmWide;
    jvmWide = keys;
    return previous;
  }

  /**
   * The key held by a secret version, e.g. {@code projects/p/secrets/openai/versions/latest},
   * stripped of surrounding whitespace.
   *
   * @param endpoint the model the key is for, which failure messages start with
   */
  String read(String version, Endpoint endpoint) throws ChatException {
    String key = keys.get(version);
    if (key != null) {
      return key;
    }
    synchronized (locks.computeIfAbsent(version, ignored -> new Object())) {
      key = keys.get(version);
      if (key == null) {
        key = fetch(version, endpoint);
        keys.put(version, key);
      }
      return key;
    }
  }

  private String fetch(String version, Endpoint endpoint) throws ChatException {
    String failure = endpoint.label() + ": cannot read api_key_secret " + version + " — ";
    SecretPayload payload;
    try (SecretManagerServiceClient client = SecretManagerServiceClient.create(settings.get())) {
      AccessSecretVersionResponse response = client.accessSecretVersion(version);
      payload = response.getPayload();
    } catch (ApiException e) {
      throw failure(failure, e);
    } catch (IOException e) {
      throw new ChatException(ChatException.Kind.REJECTED, failure + "no Google credentials on this machine"
          + " (Application Default Credentials: on Google Cloud the attached service account, elsewhere"
          + " GOOGLE_APPLICATION_CREDENTIALS or gcloud auth application-default login) ("
          + oneLine(HttpFailures.rootMessage(e)) + ")");
    } catch (RuntimeException e) {
      throw new ChatException(ChatException.Kind.NETWORK, failure + "the Secret Manager client failed ("
          + oneLine(HttpFailures.rootMessage(e)) + ")");
    }
    if (payload.hasDataCrc32C() && payload.getDataCrc32C() != crc32c(payload.getData().toByteArray())) {
      throw new ChatException(ChatException.Kind.SERVER, failure + "the payload arrived corrupted (its CRC32C"
          + " checksum does not match) — run again");
    }
    String key = payload.getData().toStringUtf8().strip();
    if (key.isEmpty()) {
      throw new ChatException(ChatException.Kind.REJECTED, failure + "the secret version is empty — add a"
          + " version holding the key: printf %s \"$KEY\" | gcloud secrets versions add NAME --data-file=-");
    }
    return key;
  }

  private static ChatException failure(String failure, ApiException e) {
    StatusCode.Code code = e.getStatusCode().getCode();
    String said = e.getMessage() == null ? code.toString() : e.getMessage();
    String detail = " (" + oneLine(said.replaceFirst("^io\\.grpc\\.StatusRuntimeException: ", "")) + ")";
    return switch (code) {
      case PERMISSION_DENIED -> new ChatException(ChatException.Kind.REJECTED, failure + "permission denied:"
          + " grant roles/secretmanager.secretAccessor on the secret to the service account the calls run as"
          + " (on Dataflow, the worker service account), and check that the secret exists" + detail);
      case NOT_FOUND -> new ChatException(ChatException.Kind.REJECTED, failure + "not found: check the"
          + " project, secret name and version (gcloud secrets versions list NAME --project PROJECT)" + detail);
      case FAILED_PRECONDITION -> new ChatException(ChatException.Kind.REJECTED, failure + "the version is"
          + " disabled or destroyed: enable it, or name another version (or versions/latest)" + detail);
      case UNAUTHENTICATED -> new ChatException(ChatException.Kind.REJECTED, failure + "the machine's Google"
          + " credentials were refused: check Application Default Credentials" + detail);
      case INVALID_ARGUMENT -> new ChatException(ChatException.Kind.REJECTED, failure + "Secret Manager"
          + " refused the name: write projects/PROJECT/secrets/NAME/versions/VERSION" + detail);
      default -> new ChatException(ChatException.Kind.NETWORK, failure + "Secret Manager could not be"
          + " reached: check the machine's access to secretmanager.googleapis.com" + detail);
    };
  }

  /** A server's text, as one short line; it cannot hold the key, which was never received. */
  private static String oneLine(String text) {
    return new SecretRedactor(null).redact(text);
  }

  private static long crc32c(byte[] data) {
    CRC32C checksum = new CRC32C();
    checksum.update(data);
    return checksum.getValue();
  }

  @Override
  public String toString() {
    return "SecretManagerKeys(" + keys.size() + " cached)";
  }
}

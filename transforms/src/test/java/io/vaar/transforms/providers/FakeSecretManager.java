package io.vaar.transforms.providers;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.cloud.secretmanager.v1.AccessSecretVersionRequest;
import com.google.cloud.secretmanager.v1.AccessSecretVersionResponse;
import com.google.cloud.secretmanager.v1.SecretManagerServiceSettings;
import com.google.cloud.secretmanager.v1.SecretPayload;
import com.google.protobuf.ByteString;
import io.grpc.ManagedChannelBuilder;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32C;

/**
 * Google Secret Manager's {@code AccessSecretVersion} served by a real gRPC server on loopback,
 * with secrets and failures set by the test and every access counted. {@link #keys()} is a reader
 * pointed at it over plaintext without credentials; {@link #serveEveryModelOfThisJvm()} points the
 * JVM-wide reader at it, for whole runs on the DirectRunner. Public for the pipeline's tests.
 */
public final class FakeSecretManager implements AutoCloseable {

  private static final String SERVICE = "google.cloud.secretmanager.v1.SecretManagerService";
  private static final MethodDescriptor<AccessSecretVersionRequest, AccessSecretVersionResponse> ACCESS =
      MethodDescriptor.<AccessSecretVersionRequest, AccessSecretVersionResponse>newBuilder()
          .setType(MethodDescriptor.MethodType.UNARY)
          .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, "AccessSecretVersion"))
          .setRequestMarshaller(ProtoUtils.marshaller(AccessSecretVersionRequest.getDefaultInstance()))
          .setResponseMarshaller(ProtoUtils.marshaller(AccessSecretVersionResponse.getDefaultInstance()))
          .build();

  private final Map<String, String> values = new ConcurrentHashMap<>();
  private final Map<String, Status> failures = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> accesses = new ConcurrentHashMap<>();
  private final Server server;
  private final int port;

  public FakeSecretManager() throws IOException {
    ServerServiceDefinition service = ServerServiceDefinition.builder(SERVICE)
        .addMethod(ACCESS, ServerCalls.asyncUnaryCall(this::access))
        .build();
    this.server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .addService(service)
        .build()
        .start();
    this.port = server.getPort();
  }

  /** Serves {@code value} as the payload of the secret version {@code name}. */
  public FakeSecretManager put(String name, String value) {
    failures.remove(name);
    values.put(name, value);
    return this;
  }

  /** Answers every access to {@code name} with the status, as Secret Manager does. */
  public FakeSecretManager fail(String name, Status.Code code, String description) {
    failures.put(name, code.toStatus().withDescription(description));
    return this;
  }

  /** How many times {@code name} was accessed. */
  public int accesses(String name) {
    AtomicInteger count = accesses.get(name);
    return count == null ? 0 : count.get();
  }

  /** A reader with its own cache, pointed at this server. */
  SecretManagerKeys keys() {
    return new SecretManagerKeys(this::settings);
  }

  /** Points the JVM-wide reader at this server (with an empty cache) until the result is closed. */
  public AutoCloseable serveEveryModelOfThisJvm() {
    SecretManagerKeys previous = SecretManagerKeys.replaceJvmWide(keys());
    return () -> SecretManagerKeys.replaceJvmWide(previous);
  }

  /** Plaintext to loopback, no credentials, and no retries (the real client retries UNAVAILABLE for a minute). */
  private SecretManagerServiceSettings settings() throws IOException {
    SecretManagerServiceSettings.Builder settings = SecretManagerServiceSettings.newBuilder()
        .setCredentialsProvider(NoCredentialsProvider.create())
        .setTransportChannelProvider(SecretManagerServiceSettings.defaultGrpcTransportProviderBuilder()
            .setEndpoint("127.0.0.1:" + port)
            .setChannelConfigurator(ManagedChannelBuilder::usePlaintext)
            .build());
    settings.accessSecretVersionSettings().setRetrySettings(
        settings.accessSecretVersionSettings().getRetrySettings().toBuilder().setMaxAttempts(1).build());
    return settings.build();
  }

  private void access(AccessSecretVersionRequest request, StreamObserver<AccessSecretVersionResponse> reply) {
    String name = request.getName();
    accesses.computeIfAbsent(name, ignored -> new AtomicInteger()).incrementAndGet();
    Status failure = failures.get(name);
    String value = values.get(name);
    if (failure != null || value == null) {
      reply.onError((failure != null ? failure : Status.NOT_FOUND.withDescription(
          "Secret Version [" + name + "] not found.")).asRuntimeException());
      return;
    }
    byte[] data = value.getBytes(StandardCharsets.UTF_8);
    CRC32C checksum = new CRC32C();
    checksum.update(data);
    reply.onNext(AccessSecretVersionResponse.newBuilder()
        .setName(name)
        .setPayload(SecretPayload.newBuilder().setData(ByteString.copyFrom(data)).setDataCrc32C(checksum.getValue()))
        .build());
    reply.onCompleted();
  }

  @Override
  public void close() {
    server.shutdownNow();
  }
}

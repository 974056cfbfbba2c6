package io.vaar.transforms.providers;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.vaar.transforms.chat.ChatMessage;
import io.vaar.transforms.chat.ChatRequest;
import io.vaar.transforms.chat.GenerationSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The content address of a chat call: SHA-256, in hex, over a canonical encoding of everything
 * that determines the answer — the provider, the model name, the generation settings and the
 * whole conversation, and the request's draw key (replicates are separate draws). The encoding is compact JSON with a fixed field order, explicit nulls and a
 * format version, so equal calls give equal keys on any machine and a change of encoding cannot
 * silently reuse old entries. Endpoint, key and model id are deliberately left out: the same
 * model answering the same conversation is the same call, whichever gateway served it.
 */
public final class ConversationKey {

  /** Bump when the encoding changes, so that older cache entries are not reused. */
  static final int ENCODING_VERSION = 2;

  private static final JsonFactory JSON = new JsonFactory();

  private ConversationKey() {
  }

  public static String of(String provider, String model, ChatRequest request) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(canonicalEncoding(provider, model, request)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  static byte[] canonicalEncoding(String provider, String model, ChatRequest request) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator out = JSON.createGenerator(bytes)) {
      out.writeStartObject();
      out.writeNumberField("v", ENCODING_VERSION);
      out.writeStringField("provider", provider);
      out.writeStringField("model", model);
      GenerationSettings settings = request.settings();
      out.writeFieldName("settings");
      out.writeStartObject();
      writeNullable(out, "temperature", settings.temperature());
      writeNullable(out, "max_tokens", settings.maxTokens());
      writeNullable(out, "top_p", settings.topP());
      writeNullable(out, "seed", settings.seed());
      out.writeEndObject();
      out.writeStringField("draw", request.drawKey());
      out.writeStringField("system", request.system());
      out.writeArrayFieldStart("turns");
      for (ChatMessage turn : request.turns()) {
        out.writeStartObject();
        out.writeStringField("role", turn.role().name());
        out.writeStringField("text", turn.text());
        out.writeEndObject();
      }
      out.writeEndArray();
      out.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void writeNullable(JsonGenerator out, String name, Number value) throws IOException {
    out.writeFieldName(name);
    if (value == null) {
      out.writeNull();
    } else if (value instanceof Double d) {
      out.writeNumber(d);
    } else {
      out.writeNumber(value.longValue());
    }
  }
}

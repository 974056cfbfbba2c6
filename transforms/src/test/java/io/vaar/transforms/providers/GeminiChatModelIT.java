package io.vaar.transforms.providers;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import io.vaar.transforms.chat.ChatModel;
import io.vaar.transforms.chat.ChatReply;
import io.vaar.transforms.chat.FinishReason;
import io.vaar.transforms.config.ModelSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * {@link GeminiChatModel} through the real Gen AI SDK, its base URL pointed at a local server
 * speaking the Gemini API's {@code generateContent} JSON (and Vertex AI's paths).
 */
class GeminiChatModelIT extends ProviderWireContract {

  @Override
  ModelSpec spec(String extra) {
    return TestSpecs.gemini(server.url("/").toString(), extra);
  }

  @Override
  String replyBody(String text) {
    return response(text, "STOP");
  }

  static String response(String text, String finishReason) {
    return "{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"" + text + "\"}]},"
        + "\"finishReason\":\"" + finishReason + "\",\"index\":0}],"
        + "\"usageMetadata\":{\"promptTokenCount\":21,\"candidatesTokenCount\":1,\"totalTokenCount\":22},"
        + "\"modelVersion\":\"gemini-2.5-flash\",\"responseId\":\"r-1\"}";
  }

  @Override
  String errorBody(int status, String message) {
    String name = switch (status) {
      case 400 -> "INVALID_ARGUMENT";
      case 401 -> "UNAUTHENTICATED";
      case 404 -> "NOT_FOUND";
      case 429 -> "RESOURCE_EXHAUSTED";
      default -> "INTERNAL";
    };
    return "{\"error\":{\"code\":" + status + ",\"message\":\"" + message + "\",\"status\":\"" + name + "\"}}";
  }

  @Test
  void sendsSystemInstructionRolesAndGenerationConfig() throws Exception {
    server.enqueue(json(200, replyBody("3")));
    model("temperature: 0.5\nmax_tokens: 8\ntop_p: 0.95\nseed: 7").complete(TestSpecs.conversation("q?"));
    RecordedRequest recorded = server.takeRequest();
    assertThat(recorded.getUrl().encodedPath(), is("/v1/models/gemini-2.5-flash:generateContent"));
    assertThat(recorded.getHeaders().get("x-goog-api-key"), is(TestSpecs.KEY));
    JsonNode body = new ObjectMapper().readTree(recorded.getBody().utf8());
    assertThat(body.at("/systemInstruction/parts/0/text").asText(), is(TestSpecs.conversation("q?").system()));
    assertThat(body.at("/contents/0/role").asText(), is("user"));
    assertThat(body.at("/contents/1/role").asText(), is("model"));
    assertThat(body.at("/contents/2/parts/0/text").asText(), is("q?"));
    assertThat(body.at("/generationConfig/temperature").asDouble(), is(0.5));
    assertThat(body.at("/generationConfig/maxOutputTokens").asInt(), is(8));
    assertThat(body.at("/generationConfig/seed").asInt(), is(7));
  }

  @Test
  void mapsSafetyToContentFilterAndMaxTokensToLength() throws Exception {
    server.enqueue(json(200, response("", "SAFETY")));
    server.enqueue(json(200, response("Three", "MAX_TOKENS")));
    server.enqueue(json(200, "{\"promptFeedback\":{\"blockReason\":\"PROHIBITED_CONTENT\"},"
        + "\"usageMetadata\":{\"promptTokenCount\":21}}"));
    ChatModel model = model("");
    assertThat(model.complete(TestSpecs.conversation("a")).finishReason(), is(FinishReason.CONTENT_FILTER));
    assertThat(model.complete(TestSpecs.conversation("b")).finishReason(), is(FinishReason.LENGTH));
    ChatReply blocked = model.complete(TestSpecs.conversation("c"));
    assertThat(blocked.finishReason(), is(FinishReason.CONTENT_FILTER));
    assertThat(blocked.text(), is(""));
  }

  @Test
  void honoursRetryInfoDelayInTheErrorBody() throws Exception {
    server.enqueue(json(429, "{\"error\":{\"code\":429,\"message\":\"quota\",\"status\":\"RESOURCE_EXHAUSTED\","
        + "\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.RetryInfo\",\"retryDelay\":\"12s\"}]}}"));
    server.enqueue(json(200, replyBody("4")));
    assertThat(model("").complete(TestSpecs.conversation("q")).text(), is("4"));
    assertThat(clock.sleeps().get(0), greaterThanOrEqualTo(Duration.ofSeconds(12)));
  }

  @Test
  void callsVertexAiPathsWithCredentials() throws Exception {
    server.enqueue(json(200, replyBody("5")));
    ModelSpec spec = TestSpecs.spec("id: vertex-flash\nprovider: gemini\nmodel: gemini-2.5-flash\nbase_url: "
        + server.url("/") + "\nvertex: {project: audit-project, location: europe-west4}", name -> null);
    GoogleCredentials credentials = GoogleCredentials.create(
        new AccessToken("vertex-token", Date.from(Instant.now().plusSeconds(3600))));
    try (GeminiChatModel model = new GeminiChatModel(spec, name -> null, credentials)) {
      assertThat(model.complete(TestSpecs.conversation("q")).text(), is("5"));
    }
    RecordedRequest recorded = server.takeRequest();
    assertThat(recorded.getUrl().encodedPath(), is("/v1beta1/projects/audit-project/locations/europe-west4"
        + "/publishers/google/models/gemini-2.5-flash:generateContent"));
    assertThat(recorded.getHeaders().get("Authorization"), is("Bearer vertex-token"));
  }
}

package io.vaar.transforms.providers;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vaar.transforms.chat.ChatReply;
import io.vaar.transforms.chat.FinishReason;
import io.vaar.transforms.config.ModelSpec;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** {@link OpenAiChatModel} against a local server speaking OpenAI's chat completions JSON. */
class OpenAiChatModelIT extends ProviderWireContract {

  @Override
  ModelSpec spec(String extra) {
    return TestSpecs.openAi(server.url("/v1").toString(), extra);
  }

  @Override
  String replyBody(String text) {
    return completion(text, "stop");
  }

  static String completion(String text, String finishReason) {
    return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1764300000,\"model\":\"qwen2.5-7b\","
        + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"" + text + "\"},"
        + "\"finish_reason\":\"" + finishReason + "\"}],"
        + "\"usage\":{\"prompt_tokens\":21,\"completion_tokens\":1,\"total_tokens\":22}}";
  }

  @Override
  String errorBody(int status, String message) {
    return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"invalid_request_error\",\"code\":" + status + "}}";
  }

  @Test
  void sendsTheConversationAndSettingsInOpenAiFormat() throws Exception {
    server.enqueue(json(200, replyBody("3")));
    model("temperature: 0.7\nmax_tokens: 16\ntop_p: 0.9\nseed: 42").complete(TestSpecs.conversation("q?"));
    RecordedRequest recorded = server.takeRequest();
    assertThat(recorded.getUrl().encodedPath(), is("/v1/chat/completions"));
    assertThat(recorded.getHeaders().get("Authorization"), is("Bearer " + TestSpecs.KEY));
    JsonNode body = new ObjectMapper().readTree(recorded.getBody().utf8());
    assertThat(body.get("model").asText(), is("qwen2.5-7b"));
    assertThat(body.at("/messages/0/role").asText(), is("system"));
    assertThat(body.at("/messages/1/role").asText(), is("user"));
    assertThat(body.at("/messages/2/role").asText(), is("assistant"));
    assertThat(body.at("/messages/3/content").asText(), is("q?"));
    assertThat(body.get("temperature").asDouble(), is(0.7));
    assertThat(body.get("max_tokens").asInt(), is(16));
    assertThat(body.get("top_p").asDouble(), is(0.9));
    assertThat(body.get("seed").asLong(), is(42L));
  }

  @Test
  void mapsContentFilterAndLength() throws Exception {
    server.enqueue(json(200, completion("", "content_filter")));
    server.enqueue(json(200, completion("Three and a", "length")));
    var model = model("");
    assertThat(model.complete(TestSpecs.conversation("a")).finishReason(), is(FinishReason.CONTENT_FILTER));
    ChatReply cut = model.complete(TestSpecs.conversation("b"));
    assertThat(cut.finishReason(), is(FinishReason.LENGTH));
    assertThat(cut.text(), is("Three and a"));
  }

  @Test
  void honoursRetryAfterMilliseconds() throws Exception {
    server.enqueue(new MockResponse.Builder(json(429, errorBody(429, "slow"))).addHeader("retry-after-ms", "2500").build());
    server.enqueue(json(200, replyBody("1")));
    model("").complete(TestSpecs.conversation("q"));
    assertThat(clock.sleeps().get(0), greaterThanOrEqualTo(Duration.ofMillis(2500)));
  }

  @Test
  void aLocalServerNeedsNoKey() throws Exception {
    server.enqueue(json(200, replyBody("2")));
    ModelSpec spec = TestSpecs.spec("id: ollama\nprovider: openai\nmodel: llama3.2\nbase_url: "
        + server.url("/v1"), name -> null);
    var model = ChatModelFactory.builder().environment(name -> null).clock(clock).build().create(spec);
    assertThat(model.complete(TestSpecs.conversation("q")).text(), is("2"));
    assertThat(server.takeRequest().getHeaders().get("Authorization"), containsString(OpenAiChatModel.NO_KEY));
  }
}

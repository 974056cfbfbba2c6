package io.vaar.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vaar.transforms.chat.ChatMessage;
import io.vaar.transforms.chat.ChatRequest;
import io.vaar.transforms.instruments.InstrumentSet;
import io.vaar.transforms.simulated.SimulatedChatModel;
import io.vaar.transforms.simulated.SimulatedProfile;
import io.vaar.transforms.simulated.SimulationSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A local OpenAI-compatible chat completions endpoint whose answers come from an aligned
 * simulated respondent, after a fixed delay: a remote model with realistic answers, for tests
 * that need calls to cost time and to be counted (resume, cache).
 */
final class SimulatedOpenAiEndpoint extends Dispatcher {

  private static final ObjectMapper JSON = new ObjectMapper();

  final AtomicInteger calls = new AtomicInteger();
  final Set<String> authorizations = ConcurrentHashMap.newKeySet();
  private final SimulatedChatModel model = new SimulatedChatModel(InstrumentSet.builtin(),
      SimulatedProfile.ALIGNED, new SimulationSettings(0, 0, 0, 11));
  private final long delayMillis;

  SimulatedOpenAiEndpoint(long delayMillis) {
    this.delayMillis = delayMillis;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
    calls.incrementAndGet();
    String authorization = request.getHeaders().get("Authorization");
    if (authorization != null) {
      authorizations.add(authorization);
    }
    Thread.sleep(delayMillis);
    try {
      JsonNode body = JSON.readTree(request.getBody().utf8());
      String system = "";
      List<ChatMessage> turns = new ArrayList<>();
      for (JsonNode message : body.get("messages")) {
        String text = message.get("content").asText();
        switch (message.get("role").asText()) {
          case "system" -> system = text;
          case "user" -> turns.add(ChatMessage.user(text));
          default -> turns.add(ChatMessage.assistant(text));
        }
      }
      String answer = model.complete(new ChatRequest(system, turns, null)).text();
      String reply = JSON.createObjectNode().put("id", "c").put("object", "chat.completion")
          .put("created", 0).put("model", body.get("model").asText())
          .set("choices", JSON.createArrayNode().add(JSON.createObjectNode().put("index", 0)
              .put("finish_reason", "stop").set("message", JSON.createObjectNode()
                  .put("role", "assistant").put("content", answer)))).toString();
      return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
          .body(reply).build();
    } catch (Exception e) {
      return new MockResponse.Builder().code(500).body(String.valueOf(e)).build();
    }
  }
}

package io.vaar.transforms.providers;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.vaar.transforms.chat.ChatMessage;
import io.vaar.transforms.chat.ChatRequest;
import io.vaar.transforms.chat.GenerationSettings;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConversationKeyTest {

  private static ChatRequest request(String system, List<ChatMessage> turns, GenerationSettings settings) {
    return new ChatRequest(system, turns, settings);
  }

  private static final List<ChatMessage> TURNS = List.of(ChatMessage.user("a"), ChatMessage.assistant("b"),
      ChatMessage.user("c"));
  private static final GenerationSettings SETTINGS = new GenerationSettings(0.7, 32, null, 42L);

  @Test
  void isStableAcrossMachinesAndVersions() {
    // Pinned: a change here silently invalidates every cache; bump ConversationKey.ENCODING_VERSION instead.
    assertThat(new String(ConversationKey.canonicalEncoding("openai", "m", request("sys", TURNS, SETTINGS)),
        StandardCharsets.UTF_8), is("{\"v\":2,\"provider\":\"openai\",\"model\":\"m\",\"settings\":{\"temperature\":0.7,"
        + "\"max_tokens\":32,\"top_p\":null,\"seed\":42},\"draw\":\"\",\"system\":\"sys\",\"turns\":[{\"role\":\"USER\",\"text\":\"a\"},"
        + "{\"role\":\"ASSISTANT\",\"text\":\"b\"},{\"role\":\"USER\",\"text\":\"c\"}]}"));
    assertThat(ConversationKey.of("openai", "m", request("sys", TURNS, SETTINGS)).length(), is(64));
  }

  @Test
  void equalCallsShareAKey() {
    assertThat(ConversationKey.of("openai", "m", request("sys", TURNS, SETTINGS)),
        is(ConversationKey.of("openai", "m", request("sys", List.copyOf(TURNS), new GenerationSettings(0.7, 32, null, 42L)))));
  }

  @Test
  void everythingThatShapesTheAnswerChangesTheKey() {
    String base = ConversationKey.of("openai", "m", request("sys", TURNS, SETTINGS));
    assertThat(ConversationKey.of("gemini", "m", request("sys", TURNS, SETTINGS)), not(base));
    assertThat(ConversationKey.of("openai", "m2", request("sys", TURNS, SETTINGS)), not(base));
    assertThat(ConversationKey.of("openai", "m", request("sys2", TURNS, SETTINGS)), not(base));
    assertThat(ConversationKey.of("openai", "m",
        new ChatRequest("sys", TURNS, SETTINGS, "replicate-2")), not(base));
    assertThat(ConversationKey.of("openai", "m", request("sys", TURNS, new GenerationSettings(0.8, 32, null, 42L))), not(base));
    assertThat(ConversationKey.of("openai", "m", request("sys", TURNS, new GenerationSettings(0.7, 32, null, 43L))), not(base));
    assertThat(ConversationKey.of("openai", "m", request("sys", TURNS, new GenerationSettings(0.7, 32, 1.0, 42L))), not(base));
    assertThat(ConversationKey.of("openai", "m", request("sys", List.of(ChatMessage.assistant("a"),
        ChatMessage.assistant("b"), ChatMessage.user("c")), SETTINGS)), not(base));
    // a boundary moved between turns must not collide
    assertThat(ConversationKey.of("openai", "m", request("sys", List.of(ChatMessage.user("a"),
        ChatMessage.assistant(""), ChatMessage.user("bc")), SETTINGS)), not(base));
  }
}

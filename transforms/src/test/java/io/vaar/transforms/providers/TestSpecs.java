package io.vaar.transforms.providers;

import io.vaar.transforms.chat.ChatMessage;
import io.vaar.transforms.chat.ChatRequest;
import io.vaar.transforms.config.ModelSpec;
import io.vaar.transforms.config.ModelsConfig;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Model specs and requests for provider tests, written as the config a user would write. */
final class TestSpecs {

  static final String KEY_VARIABLE = "VAAR_TEST_KEY";
  static final String KEY = "test-key-0123456789";
  static final Function<String, String> ENVIRONMENT = Map.of(KEY_VARIABLE, KEY)::get;

  private TestSpecs() {
  }

  /** One model from YAML mapping lines (without the leading "- "), e.g. {@code "id: m\nprovider: openai"}. */
  static ModelSpec spec(String mapping, Function<String, String> environment) {
    String yaml = "models:\n  - " + mapping.strip().replace("\n", "\n    ") + "\n";
    return ModelsConfig.parse(yaml, environment).models().get(0);
  }

  static ModelSpec openAi(String baseUrl, String extra) {
    return spec("id: local-qwen\nprovider: openai\nmodel: qwen2.5-7b\nbase_url: " + baseUrl
        + "\napi_key_env: " + KEY_VARIABLE + "\n" + extra, ENVIRONMENT);
  }

  static ModelSpec gemini(String baseUrl, String extra) {
    return spec("id: flash\nprovider: gemini\nmodel: gemini-2.5-flash\nbase_url: " + baseUrl
        + "\napi_key_env: " + KEY_VARIABLE + "\n" + extra, ENVIRONMENT);
  }

  /** A short conversation: a system message, one earlier exchange, and the question to answer. */
  static ChatRequest conversation(String question) {
    return new ChatRequest("You are a survey respondent. Answer with one number from 1 to 5.",
        List.of(ChatMessage.user("I value my privacy."), ChatMessage.assistant("4"), ChatMessage.user(question)),
        null);
  }
}

/**
 * Chat models that call real providers, and the call handling every remote model shares.
 * {@link io.vaar.transforms.providers.OpenAiChatModel} speaks to any OpenAI-compatible endpoint,
 * {@link io.vaar.transforms.providers.GeminiChatModel} to Gemini through the Gen AI SDK (Gemini API
 * or Vertex AI). Around them, as decorators of {@link io.vaar.transforms.chat.ChatModel}: a
 * response cache ({@link io.vaar.transforms.providers.CachingChatModel}, content-addressed, atomic
 * files), retries with backoff ({@link io.vaar.transforms.providers.RetryingChatModel}) and
 * per-model limits ({@link io.vaar.transforms.providers.RateLimitedChatModel}), assembled by
 * {@link io.vaar.transforms.providers.ChatModelFactory}. API keys are read from the environment
 * variable a model names, or from Google Secret Manager where the model is called (once per JVM and
 * secret), and never appear in a message, a cache entry or a {@code toString}.
 */
package io.vaar.transforms.providers;

/**
 * The one interface between the session protocol and any chat model: a {@link
 * io.vaar.transforms.chat.ChatRequest} (system message, turns and generation settings) goes in,
 * a {@link io.vaar.transforms.chat.ChatReply} (text, finish reason, token usage, latency) comes
 * out, and every failure is a {@link io.vaar.transforms.chat.ChatException} that says whether a
 * retry can help. Providers, simulated respondents and call-handling decorators all implement
 * {@link io.vaar.transforms.chat.ChatModel}; the protocol knows nothing else about them.
 */
package io.vaar.transforms.chat;

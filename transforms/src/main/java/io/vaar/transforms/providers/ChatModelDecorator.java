package io.vaar.transforms.providers;

import io.vaar.transforms.chat.ChatModel;
import java.util.Objects;

/**
 * The shared part of the call-handling decorators: the model they wrap, which they close when
 * closed, and a {@code toString} that shows the chain ({@code Caching(Retrying(…))}) without
 * anything secret.
 */
abstract class ChatModelDecorator implements ChatModel {

  protected final ChatModel delegate;
  private final String name;

  ChatModelDecorator(String name, ChatModel delegate) {
    this.name = name;
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  /** What this step adds to the chain's description, e.g. {@code max_attempts=5}. */
  abstract String details();

  @Override
  public final void close() {
    delegate.close();
  }

  @Override
  public final String toString() {
    return name + "(" + delegate + ", " + details() + ")";
  }
}

package io.vaar.transforms.protocol;

import java.io.Serializable;
import java.util.List;

/**
 * The configurable rules of a session: the order of the blocks, how much history stays in
 * context ({@code historyTurns} previous question-and-answer exchanges, and at most
 * {@code historyChars} characters of them when that is positive), and how many attempts an item
 * gets before it is recorded as missing (the first ask plus corrective re-asks).
 */
public record ProtocolSettings(List<String> blockOrder, int historyTurns, int historyChars,
    int maxAttempts) implements Serializable {

  public static final List<String> DEFAULT_BLOCK_ORDER =
      List.of("privacy", "prosocialness", "data_sharing");

  public ProtocolSettings {
    blockOrder = List.copyOf(blockOrder);
    if (blockOrder.isEmpty()) {
      throw new IllegalArgumentException("block_order must name at least one block");
    }
    if (historyTurns < 0) {
      throw new IllegalArgumentException("history_turns must be 0 or more, not " + historyTurns);
    }
    if (historyChars < 0) {
      throw new IllegalArgumentException("history_chars must be 0 (no limit) or more, not "
          + historyChars);
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("max_attempts must be at least 1, not " + maxAttempts);
    }
  }

  /** The study's defaults: values first, action last; 12 exchanges of history; 3 attempts. */
  public static ProtocolSettings defaults() {
    return new ProtocolSettings(DEFAULT_BLOCK_ORDER, 12, 0, 3);
  }
}

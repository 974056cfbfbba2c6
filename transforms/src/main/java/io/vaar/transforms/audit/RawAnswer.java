package io.vaar.transforms.audit;

import io.vaar.schemas.ItemResponse;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * One item of a session as the report's sample of raw answers shows it: the item id, an excerpt
 * of the prompt that asked it, every raw reply verbatim (each cut at {@link #MAX_REPLY} characters
 * so that one runaway reply cannot bloat the analysis), and the parsed value ({@code null} when
 * missing) with its status. The text is model output: whoever renders it must escape it.
 */
public record RawAnswer(String itemId, String prompt, List<String> replies, Integer value,
    String status) implements Serializable {

  static final int MAX_PROMPT = 160;
  static final int MAX_REPLY = 1000;

  public RawAnswer {
    replies = List.copyOf(replies);
  }

  /** The answer an archived response records, with prompt and replies cut to their limits. */
  public static RawAnswer from(ItemResponse response) {
    List<String> replies = new ArrayList<>();
    for (CharSequence reply : response.getReplies()) {
      replies.add(cut(reply.toString(), MAX_REPLY));
    }
    if (replies.isEmpty()) {
      // Archives written before the replies field kept only the last reply.
      replies.add(cut(response.getRawText().toString(), MAX_REPLY));
    }
    return new RawAnswer(response.getItemId().toString(),
        cut(response.getPromptText().toString(), MAX_PROMPT), replies, response.getValue(),
        response.getStatus().name());
  }

  static String cut(String text, int limit) {
    return text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
  }
}

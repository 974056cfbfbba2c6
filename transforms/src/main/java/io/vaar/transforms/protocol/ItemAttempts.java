package io.vaar.transforms.protocol;

import io.vaar.schemas.ItemResponse;
import io.vaar.schemas.ResponseStatus;
import io.vaar.transforms.chat.ChatReply;
import io.vaar.transforms.instruments.Instrument;
import io.vaar.transforms.instruments.InstrumentItem;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything that happened while one item was asked — every raw reply, the summed latency and
 * token usage, how many replies came from the cache, the last parse, or the call error that ended
 * it — and the item-level part of the {@link ItemResponse} it becomes.
 */
final class ItemAttempts {

  private final Instrument instrument;
  private final InstrumentItem item;
  private final String question;
  private final List<String> replies = new ArrayList<>();
  private String promptSha256 = "";
  private long latencyMs;
  private Long inputTokens;
  private Long outputTokens;
  private int cached;
  private ParsedAnswer answer;
  private String callError;

  ItemAttempts(Instrument instrument, InstrumentItem item, String question) {
    this.instrument = instrument;
    this.item = item;
    this.question = question;
  }

  int count() {
    return replies.size();
  }

  void sent(String requestSha256) {
    promptSha256 = requestSha256;
  }

  void answered(ChatReply reply, ParsedAnswer parsed) {
    replies.add(reply.text());
    latencyMs += reply.latencyMs();
    inputTokens = sum(inputTokens, reply.inputTokens());
    outputTokens = sum(outputTokens, reply.outputTokens());
    cached += reply.cached() ? 1 : 0;
    answer = parsed;
  }

  void failed(String message) {
    callError = message;
  }

  /** The item's fields of the response; the session's identity fields are left to the caller. */
  ItemResponse.Builder toResponse() {
    ResponseStatus status;
    String reason;
    if (callError != null) {
      status = ResponseStatus.error;
      reason = callError;
    } else {
      status = switch (answer.outcome()) {
        case OK -> ResponseStatus.ok;
        case INVALID -> ResponseStatus.invalid;
        case REFUSED -> ResponseStatus.refused;
      };
      reason = answer.reason();
    }
    return ItemResponse.newBuilder()
        .setInstrument(instrument.id()).setInstrumentVersion(instrument.version())
        .setBlock(instrument.block()).setItemId(item.id())
        .setReverseKeyed(item.reverseKeyed())
        .setScaleMin(instrument.scale().min()).setScaleMax(instrument.scale().max())
        .setPromptSha256(promptSha256).setPromptText(question)
        .setRawText(replies.isEmpty() ? "" : replies.get(replies.size() - 1))
        .setReplies(List.copyOf(replies))
        .setValue(status == ResponseStatus.ok ? answer.value() : null)
        .setStatus(status).setStatusReason(reason)
        .setAttempts(replies.size() + (callError == null ? 0 : 1))
        .setLatencyMs(latencyMs).setInputTokens(inputTokens).setOutputTokens(outputTokens)
        .setCachedAttempts(cached);
  }

  private static Long sum(Long total, Long more) {
    if (more == null) {
      return total;
    }
    return total == null ? more : total + more;
  }
}

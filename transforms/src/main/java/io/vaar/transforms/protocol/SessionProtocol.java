package io.vaar.transforms.protocol;

import io.vaar.schemas.ItemResponse;
import io.vaar.schemas.ResponseStatus;
import io.vaar.schemas.SessionRecord;
import io.vaar.schemas.SessionStatus;
import io.vaar.transforms.chat.ChatException;
import io.vaar.transforms.chat.ChatModel;
import io.vaar.transforms.chat.ChatReply;
import io.vaar.transforms.chat.FinishReason;
import io.vaar.transforms.chat.GenerationSettings;
import io.vaar.transforms.instruments.Instrument;
import io.vaar.transforms.instruments.InstrumentItem;
import io.vaar.transforms.instruments.InstrumentSet;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;

/**
 * Runs one persona-seeded questionnaire session against a chat model, as shared/docs/method.md
 * lays it out: the persona in the system message; blocks in the configured order; items shuffled
 * inside each block with the session's order seed; each item asked with history carried and
 * bounded; each reply parsed to one scale point and, when unusable, re-asked with a short
 * corrective turn up to the attempt limit. A call that fails after the model's own retries ends
 * the session there (an endpoint that is down would fail every later item too), recorded as
 * partial or failed so a resumed run can ask again. Thread-safe: it holds only immutable state.
 */
public final class SessionProtocol {

  private final InstrumentSet instruments;
  private final ProtocolSettings settings;
  private final PromptTemplates templates;
  private final LikertAnswerParser parser = new LikertAnswerParser();
  private final LongSupplier clock;

  public SessionProtocol(InstrumentSet instruments, ProtocolSettings settings,
      PromptTemplates templates, LongSupplier clock) {
    for (String block : settings.blockOrder()) {
      if (instruments.block(block).isEmpty()) {
        throw new IllegalArgumentException("block_order names block '" + block
            + "', but the instruments define only " + instruments.blocks());
      }
    }
    this.instruments = instruments;
    this.settings = settings;
    this.templates = templates;
    this.clock = clock;
  }

  /** The protocol with the built-in wording and the wall clock. */
  public SessionProtocol(InstrumentSet instruments, ProtocolSettings settings) {
    this(instruments, settings, PromptTemplates.builtin(), System::currentTimeMillis);
  }

  /** The items of a session in the order they will be asked. */
  public List<InstrumentItem> itemOrder(SessionSpec spec) {
    SplittableRandom random = new SplittableRandom(spec.orderSeed());
    List<InstrumentItem> order = new ArrayList<>();
    for (String block : settings.blockOrder()) {
      List<InstrumentItem> items = new ArrayList<>(instruments.block(block).orElseThrow().items());
      for (int i = items.size() - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        items.set(j, items.set(i, items.get(j)));
      }
      order.addAll(items);
    }
    return order;
  }

  public SessionResult run(SessionSpec spec, ChatModel model, GenerationSettings generation) {
    long started = clock.getAsLong();
    String system = templates.system(spec.persona());
    SessionConversation conversation = new SessionConversation(system, spec.sessionId(), model,
        generation, new ConversationHistory(settings.historyTurns(), settings.historyChars()));
    List<ItemResponse> responses = new ArrayList<>();
    List<String> order = new ArrayList<>();
    String previousBlock = null;
    String error = "";
    for (InstrumentItem item : itemOrder(spec)) {
      Instrument instrument = instruments.instrumentOf(item.id()).orElseThrow();
      boolean opensBlock = !instrument.block().equals(previousBlock);
      previousBlock = instrument.block();
      order.add(item.id());
      ItemAttempts attempts = ask(conversation, instrument, item, opensBlock);
      ItemResponse response = attempts.toResponse()
          .setRunId(spec.runId()).setModelId(spec.modelId()).setSessionId(spec.sessionId())
          .setPersonaId(spec.persona().id()).setReplicate(spec.replicate())
          .setPosition(responses.size()).setSimulated(spec.simulated())
          .setTimestampMs(clock.getAsLong())
          .build();
      responses.add(response);
      if (response.getStatus() == ResponseStatus.error) {
        error = response.getStatusReason();
        break;
      }
    }
    SessionRecord record = sessionRecord(spec, responses, order, error, started);
    return new SessionResult(record, responses, system, conversation.transcript());
  }

  /** Asks one item, re-asking with a corrective turn until a reply parses or attempts run out. */
  private ItemAttempts ask(SessionConversation conversation, Instrument instrument,
      InstrumentItem item, boolean opensBlock) {
    String question = templates.item(instrument, item, opensBlock);
    ItemAttempts attempts = new ItemAttempts(instrument, item, question);
    while (attempts.count() < settings.maxAttempts()) {
      ChatReply reply;
      try {
        reply = conversation.send(question, attempts);
      } catch (ChatException e) {
        attempts.failed(e.getMessage());
        break;
      }
      ParsedAnswer answer = reply.finishReason() == FinishReason.CONTENT_FILTER
          ? ParsedAnswer.refused("withheld by the provider's content filter")
          : parser.parse(reply.text(), instrument.scale());
      attempts.answered(reply, answer);
      if (answer.isOk()) {
        break;
      }
      question = templates.corrective(instrument.scale());
    }
    conversation.finishItem();
    return attempts;
  }

  private SessionRecord sessionRecord(SessionSpec spec, List<ItemResponse> responses,
      List<String> order, String error, long started) {
    int[] counts = new int[ResponseStatus.values().length];
    for (ItemResponse response : responses) {
      counts[response.getStatus().ordinal()]++;
    }
    int ok = counts[ResponseStatus.ok.ordinal()];
    SessionStatus status = error.isEmpty() ? SessionStatus.complete
        : ok == 0 ? SessionStatus.failed : SessionStatus.partial;
    return SessionRecord.newBuilder()
        .setRunId(spec.runId()).setModelId(spec.modelId()).setSessionId(spec.sessionId())
        .setPersonaId(spec.persona().id()).setReplicate(spec.replicate())
        .setPersonaText(spec.persona().profileLines())
        .setStatus(status)
        .setItemsAsked(responses.size())
        .setItemsOk(ok)
        .setItemsInvalid(counts[ResponseStatus.invalid.ordinal()])
        .setItemsRefused(counts[ResponseStatus.refused.ordinal()])
        .setItemsError(counts[ResponseStatus.error.ordinal()])
        .setStartedMs(started).setFinishedMs(clock.getAsLong())
        .setSimulated(spec.simulated())
        .setSessionSeed(spec.orderSeed())
        .setItemOrder(order)
        .setError(error)
        .build();
  }
}

package io.vaar.transforms.protocol;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vaar.schemas.ItemResponse;
import io.vaar.schemas.ResponseStatus;
import io.vaar.schemas.SessionStatus;
import io.vaar.transforms.chat.ChatException;
import io.vaar.transforms.chat.ChatMessage;
import io.vaar.transforms.chat.ChatReply;
import io.vaar.transforms.chat.ChatRequest;
import io.vaar.transforms.chat.FinishReason;
import io.vaar.transforms.chat.GenerationSettings;
import io.vaar.transforms.instruments.InstrumentItem;
import io.vaar.transforms.instruments.InstrumentSet;
import io.vaar.transforms.personas.Persona;
import io.vaar.transforms.personas.PersonaGenerator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SessionProtocolTest {

  private static final InstrumentSet INSTRUMENTS = InstrumentSet.builtin();
  private static final Persona PERSONA = new PersonaGenerator(42).persona(0);
  private final AtomicLong clock = new AtomicLong(1_000);

  private SessionProtocol protocol(ProtocolSettings settings) {
    return new SessionProtocol(INSTRUMENTS, settings, PromptTemplates.builtin(),
        clock::incrementAndGet);
  }

  private static SessionSpec spec(String model, Persona persona, int replicate) {
    return new SessionSpec("run-1", model, persona, replicate, 42, false);
  }

  private SessionResult run(ProtocolSettings settings, ScriptedChatModel model) {
    return protocol(settings).run(spec("m", PERSONA, 0), model, GenerationSettings.defaults());
  }

  @Test
  void asksEveryItemOnceBlockByBlockInTheConfiguredOrder() {
    ProtocolSettings settings = new ProtocolSettings(
        List.of("data_sharing", "privacy", "prosocialness"), 12, 0, 3);
    SessionResult result = run(settings, ScriptedChatModel.always("4"));
    List<String> blocks = result.responses().stream().map(ItemResponse::getBlock).distinct()
        .toList();
    assertThat(blocks, contains("data_sharing", "privacy", "prosocialness"));
    assertThat(result.responses().stream().map(ItemResponse::getItemId).toList(),
        containsInAnyOrder(INSTRUMENTS.itemIds().toArray()));
    assertThat(result.responses().get(5).getPosition(), equalTo(5));
    assertThat(result.record().getStatus(), equalTo(SessionStatus.complete));
    assertThat(result.record().getItemsOk(), equalTo(32));
    assertThat(result.record().getItemOrder(),
        equalTo(result.responses().stream().map(ItemResponse::getItemId).toList()));
  }

  @Test
  void itemOrderIsShuffledBySeedAlikeForEveryModel() {
    SessionProtocol protocol = protocol(ProtocolSettings.defaults());
    List<InstrumentItem> order = protocol.itemOrder(spec("model-a", PERSONA, 0));
    assertThat(protocol.itemOrder(spec("model-b", PERSONA, 0)), equalTo(order));
    assertThat(protocol.itemOrder(spec("model-a", PERSONA, 1)), not(equalTo(order)));
    assertThat(protocol.itemOrder(spec("model-a", new PersonaGenerator(42).persona(1), 0)),
        not(equalTo(order)));
    List<String> privacyAsListed = INSTRUMENTS.block("privacy").orElseThrow().items().stream()
        .map(InstrumentItem::id).toList();
    assertThat(order.subList(0, 10).stream().map(InstrumentItem::id).toList(),
        containsInAnyOrder(privacyAsListed.toArray()));
    assertThat(order.subList(0, 10).stream().map(InstrumentItem::id).toList(),
        not(equalTo(privacyAsListed)));
  }

  @Test
  void theSystemMessageCarriesThePersonaAndEveryRequestKeepsIt() {
    ScriptedChatModel model = ScriptedChatModel.always("4");
    run(ProtocolSettings.defaults(), model);
    String system = model.requests.get(0).system();
    assertThat(system, containsString(PERSONA.profileLines()));
    assertThat(model.requests.stream().map(ChatRequest::system).distinct().toList(),
        contains(system));
    assertThat("each session is its own draw for the response cache",
        model.requests.stream().map(ChatRequest::drawKey).distinct().toList(),
        contains(spec("m", PERSONA, 0).sessionId()));
  }

  @Test
  void historyIsCarriedAndBoundedToTheConfiguredTurns() {
    ScriptedChatModel model = ScriptedChatModel.always("4");
    run(new ProtocolSettings(ProtocolSettings.DEFAULT_BLOCK_ORDER, 3, 0, 3), model);
    assertThat(model.requests.get(0).turns(), hasSize(1));
    assertThat(model.requests.get(2).turns(), hasSize(5));
    assertThat(model.requests.get(2).turns().get(1), equalTo(ChatMessage.assistant("4")));
    assertThat(model.requests.stream().map(r -> r.turns().size()).toList(),
        everyItem(lessThanOrEqualTo(7)));
    ChatRequest last = model.requests.get(31);
    assertThat(last.turns().get(0).text(),
        equalTo(model.requests.get(28).lastUserText()));
  }

  @Test
  void aCharacterBoundDropsTheOldestTurnsFirst() {
    ScriptedChatModel model = ScriptedChatModel.always("4");
    run(new ProtocolSettings(ProtocolSettings.DEFAULT_BLOCK_ORDER, 100, 400, 3), model);
    for (ChatRequest request : model.requests) {
      int earlier = request.turns().subList(0, request.turns().size() - 1).stream()
          .mapToInt(turn -> turn.text().length()).sum();
      assertThat(earlier, lessThanOrEqualTo(400));
    }
    assertThat(model.requests.get(31).turns().size(), lessThanOrEqualTo(5));
  }

  @Test
  void anUnusableReplyIsReaskedWithTheStatementStillInContext() {
    ScriptedChatModel model = new ScriptedChatModel((request, call) ->
        ChatReply.of(call == 0 ? "Somewhere between 4 and 5." : "5", 2));
    SessionResult result = run(new ProtocolSettings(ProtocolSettings.DEFAULT_BLOCK_ORDER, 0, 0, 3),
        model);
    ItemResponse first = result.responses().get(0);
    assertThat(first.getValue(), equalTo(5));
    assertThat(first.getStatus(), equalTo(ResponseStatus.ok));
    assertThat(first.getAttempts(), equalTo(2));
    assertThat(first.getReplies(), contains("Somewhere between 4 and 5.", "5"));
    assertThat(first.getLatencyMs(), equalTo(4L));
    ChatRequest reask = model.requests.get(1);
    assertThat(reask.lastUserText(), startsWith("Please reply with one whole number from 1 to 7"));
    assertThat(reask.turns().get(0).text(), equalTo(first.getPromptText()));
    assertThat(model.requests.get(2).turns(), hasSize(1));
  }

  @Test
  void afterTheLastAttemptTheItemIsMissingWithItsReason() {
    SessionResult invalid = run(ProtocolSettings.defaults(), ScriptedChatModel.always("4-5"));
    ItemResponse response = invalid.responses().get(0);
    assertThat(response.getValue(), nullValue());
    assertThat(response.getStatus(), equalTo(ResponseStatus.invalid));
    assertThat(response.getStatusReason(), equalTo("ambiguous: 4 and 5"));
    assertThat(response.getAttempts(), equalTo(3));
    assertThat(invalid.record().getItemsInvalid(), equalTo(32));
    assertThat(invalid.record().getStatus(), equalTo(SessionStatus.complete));

    SessionResult refused = run(ProtocolSettings.defaults(),
        ScriptedChatModel.always("As an AI, I don't have personal opinions."));
    assertThat(refused.responses().get(0).getStatus(), equalTo(ResponseStatus.refused));
    assertThat(refused.record().getItemsRefused(), equalTo(32));
  }

  @Test
  void aContentFilterStopIsARefusal() {
    ScriptedChatModel model = new ScriptedChatModel((request, call) ->
        new ChatReply("", FinishReason.CONTENT_FILTER, 10L, 0L, 5, false));
    ItemResponse response = run(ProtocolSettings.defaults(), model).responses().get(0);
    assertThat(response.getStatus(), equalTo(ResponseStatus.refused));
    assertThat(response.getStatusReason(), containsString("content filter"));
    assertThat(response.getInputTokens(), equalTo(30L));
  }

  @Test
  void aFailedCallEndsTheSessionAsPartialOrFailed() {
    ScriptedChatModel flaky = new ScriptedChatModel((request, call) -> {
      if (call == 4) {
        throw new ChatException(ChatException.Kind.SERVER, 503, null, "model m: server error 503");
      }
      return ChatReply.of("3", 1);
    });
    SessionResult partial = run(ProtocolSettings.defaults(), flaky);
    assertThat(partial.responses(), hasSize(5));
    assertThat(partial.responses().get(4).getStatus(), equalTo(ResponseStatus.error));
    assertThat(partial.responses().get(4).getStatusReason(), equalTo("model m: server error 503"));
    assertThat(partial.record().getStatus(), equalTo(SessionStatus.partial));
    assertThat(partial.record().getError(), equalTo("model m: server error 503"));

    ScriptedChatModel down = new ScriptedChatModel((request, call) -> {
      throw new ChatException(ChatException.Kind.REJECTED, 401, null, "model m: unauthorized");
    });
    SessionResult failed = run(ProtocolSettings.defaults(), down);
    assertThat(failed.record().getStatus(), equalTo(SessionStatus.failed));
    assertThat(failed.record().getItemsAsked(), equalTo(1));
  }

  @Test
  void recordsCarryWhatAnAuditorNeeds() {
    SessionResult result = run(ProtocolSettings.defaults(), ScriptedChatModel.always("2"));
    ItemResponse ctrl3 = result.responses().stream()
        .filter(r -> r.getItemId().equals("ctrl3")).findFirst().orElseThrow();
    assertThat(ctrl3.getReverseKeyed(), equalTo(true));
    assertThat(ctrl3.getValue(), equalTo(2));
    assertThat(ctrl3.getScaleMax(), equalTo(7));
    assertThat(ctrl3.getInstrument(), equalTo("privacy-concern"));
    assertThat(ctrl3.getInstrumentVersion(), equalTo("1.0"));
    assertThat(ctrl3.getPromptText(), containsString(
        INSTRUMENTS.instrumentOf("ctrl3").orElseThrow().item("ctrl3").orElseThrow().text()));
    assertThat(ctrl3.getPromptSha256().length(), equalTo(64));
    assertThat(ctrl3.getSessionId(), equalTo(spec("m", PERSONA, 0).sessionId()));
    assertThat(result.responses().get(0).getPromptText(), containsString("For each one"));
    assertThat(result.responses().get(1).getPromptText(), not(containsString("For each one")));
  }

  @Test
  void sessionIdsDependOnRunModelPersonaAndReplicateOnly() {
    String id = spec("m", PERSONA, 0).sessionId();
    assertThat(new SessionSpec("run-1", "m", PERSONA, 0, 999, true).sessionId(), equalTo(id));
    assertThat(spec("m", PERSONA, 1).sessionId(), not(equalTo(id)));
    assertThat(spec("n", PERSONA, 0).sessionId(), not(equalTo(id)));
    assertThat(new SessionSpec("run-2", "m", PERSONA, 0, 42, false).sessionId(),
        not(equalTo(id)));
  }

  @Test
  void aBlockOrderNamingAnUnknownBlockIsRefused() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> protocol(new ProtocolSettings(List.of("privacy", "values"), 12, 0, 3)));
    assertThat(error.getMessage(), containsString("block_order names block 'values'"));
  }
}

package io.vaar.transforms.simulated;

import io.vaar.transforms.chat.ChatMessage;
import io.vaar.transforms.instruments.Instrument;
import io.vaar.transforms.instruments.InstrumentItem;
import io.vaar.transforms.instruments.InstrumentSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds which item a conversation is asking about by reading the statement in the prompt, as a
 * real model must: the latest user turn that quotes an item's statement names it. A corrective
 * re-ask quotes none, so the search walks back to the question it corrects.
 */
final class ItemRecognizer {

  /** An item, the instrument it belongs to, and the index of the turn that asked it. */
  record Recognized(Instrument instrument, InstrumentItem item, int turn) {

    /** True when later turns follow the question: the last user turn is a re-ask. */
    boolean isReask(List<ChatMessage> turns) {
      return turn < turns.size() - 1;
    }
  }

  private record Entry(Instrument instrument, InstrumentItem item) {
  }

  private final List<Entry> items = new ArrayList<>();

  ItemRecognizer(InstrumentSet instruments) {
    for (Instrument instrument : instruments.instruments()) {
      for (InstrumentItem item : instrument.items()) {
        items.add(new Entry(instrument, item));
      }
    }
  }

  Optional<Recognized> recognize(List<ChatMessage> turns) {
    for (int i = turns.size() - 1; i >= 0; i--) {
      ChatMessage turn = turns.get(i);
      if (turn.role() != ChatMessage.Role.USER) {
        continue;
      }
      for (Entry candidate : items) {
        if (turn.text().contains(candidate.item().text())) {
          return Optional.of(new Recognized(candidate.instrument(), candidate.item(), i));
        }
      }
    }
    return Optional.empty();
  }
}

package io.vaar.transforms.instruments;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * One questionnaire, asked as one block of a session: identity and version (recorded with every
 * answer), the construct it measures, the block name the run config orders blocks by, the cited
 * source, the instructions that open the block, the response scale and the items.
 */
public record Instrument(String id, String version, String construct, String block, String title,
    String source, String instructions, ResponseScale scale, List<InstrumentItem> items)
    implements Serializable {

  public Instrument {
    items = List.copyOf(items);
  }

  public Optional<InstrumentItem> item(String itemId) {
    return items.stream().filter(item -> item.id().equals(itemId)).findFirst();
  }
}

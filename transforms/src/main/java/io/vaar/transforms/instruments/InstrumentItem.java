package io.vaar.transforms.instruments;

import java.io.Serializable;
import java.util.Objects;

/**
 * One questionnaire item: its id (the column name in analysis data), the dimension it measures
 * within its construct, the statement shown to the respondent, and whether agreement means less
 * of the construct (reverse keyed, re-scored before analysis).
 */
public record InstrumentItem(String id, String dimension, String text, boolean reverseKeyed)
    implements Serializable {

  public InstrumentItem {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(dimension, "dimension");
    Objects.requireNonNull(text, "text");
  }
}

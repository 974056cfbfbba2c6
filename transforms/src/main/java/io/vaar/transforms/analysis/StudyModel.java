package io.vaar.transforms.analysis;

import io.vaar.transforms.instruments.Instrument;
import io.vaar.transforms.instruments.InstrumentItem;
import io.vaar.transforms.instruments.InstrumentSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The study's structural model in lavaan syntax, derived from the instruments in use: one factor
 * per privacy-concern dimension ({@code CTRL}, {@code AWARE}, {@code COLL}), one per other
 * construct ({@code PSA} for prosocialness, {@code AODS} for data sharing, the upper-cased
 * construct name for a user's own), and the data-sharing factor regressed on all the others.
 * With the built-in instruments it is exactly the model of shared/docs/method.md.
 */
public final class StudyModel {

  /** The construct whose factor is the outcome: the expressed action. */
  public static final String OUTCOME_CONSTRUCT = "data_sharing";
  private static final Map<String, String> FACTOR_NAMES = Map.of(
      "privacy_concern/control", "CTRL", "privacy_concern/awareness", "AWARE",
      "privacy_concern/collection", "COLL", "prosocialness", "PSA", "data_sharing", "AODS");

  private final String outcome;
  private final Map<String, List<String>> indicators;

  private StudyModel(String outcome, Map<String, List<String>> indicators) {
    this.outcome = outcome;
    this.indicators = indicators;
  }

  public static StudyModel forInstruments(InstrumentSet instruments) {
    Map<String, List<String>> indicators = new LinkedHashMap<>();
    String outcome = null;
    for (Instrument instrument : instruments.instruments()) {
      for (InstrumentItem item : instrument.items()) {
        String key = instrument.construct().equals("privacy_concern")
            ? instrument.construct() + "/" + item.dimension() : instrument.construct();
        String factor = FACTOR_NAMES.getOrDefault(key,
            key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT));
        indicators.computeIfAbsent(factor, f -> new ArrayList<>()).add(item.id());
        if (instrument.construct().equals(OUTCOME_CONSTRUCT)) {
          outcome = factor;
        }
      }
    }
    if (outcome == null || indicators.size() < 2) {
      throw new IllegalArgumentException("the instruments need a construct '"
          + OUTCOME_CONSTRUCT + "' (the action) and at least one other construct (the values)");
    }
    return new StudyModel(outcome, indicators);
  }

  /** Each factor with its indicator item ids, in model order. */
  public Map<String, List<String>> indicators() {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    indicators.forEach((factor, items) -> copy.put(factor, List.copyOf(items)));
    return copy;
  }

  /** The outcome factor, {@code AODS} for the built-in instruments. */
  public String outcome() {
    return outcome;
  }

  /** The factors whose paths to the outcome are judged: every factor but the outcome. */
  public List<String> predictors() {
    return indicators.keySet().stream().filter(f -> !f.equals(outcome)).toList();
  }

  public String syntax() {
    StringBuilder model = new StringBuilder();
    indicators.forEach((factor, items) ->
        model.append(factor).append(" =~ ").append(String.join(" + ", items)).append('\n'));
    model.append(outcome).append(" ~ ")
        .append(predictors().stream().collect(Collectors.joining(" + "))).append('\n');
    return model.toString();
  }
}

package io.vaar.transforms.analysis;

import io.vaar.transforms.instruments.Instrument;
import io.vaar.transforms.instruments.InstrumentItem;
import io.vaar.transforms.instruments.InstrumentSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Human answers to the built-in instruments with known path signs, as a survey export would hold
 * them: one row per respondent, one column per item id, raw answers on each item's scale
 * (reverse-keyed items answered in reverse), a few cells left empty. The latent structure is
 * that of the simulated models (three privacy-concern traits sharing a general factor, an
 * independent prosocialness trait, acceptance of data sharing their weighted sum plus a residual)
 * with any weights, so a test can reverse one human path or give it no effect at all.
 */
public final class SimulatedHumans {

  /** The human signs of the literature: privacy concern lowers, prosocialness raises AoDS. */
  public static final Map<String, Double> ALIGNED = weights(-0.30, -0.30, -0.35, 0.45);
  private static final double GENERAL = 0.5;
  private static final double LOADING = 0.8;
  private static final double MISSING_SHARE = 0.01;

  private SimulatedHumans() {
  }

  /** Weights on CTRL, AWARE, COLL and PSA, in that order. */
  public static Map<String, Double> weights(double control, double awareness, double collection,
      double prosocialness) {
    Map<String, Double> weights = new LinkedHashMap<>();
    weights.put("CTRL", control);
    weights.put("AWARE", awareness);
    weights.put("COLL", collection);
    weights.put("PSA", prosocialness);
    return weights;
  }

  /** The answers as wide CSV text: a header of item ids and {@code respondents} rows. */
  public static String csv(Map<String, Double> weights, int respondents, long seed) {
    InstrumentSet instruments = InstrumentSet.builtin();
    StringBuilder csv = new StringBuilder("respondent,")
        .append(String.join(",", instruments.itemIds())).append('\n');
    int respondent = 0;
    for (double[] row : raw(instruments, weights, respondents, seed)) {
      List<String> cells = new ArrayList<>(List.of("h" + ++respondent));
      for (double value : row) {
        cells.add(Double.isNaN(value) ? "" : Integer.toString((int) value));
      }
      csv.append(String.join(",", cells)).append('\n');
    }
    return csv.toString();
  }

  /** The same answers as the analysis reads them (reverse keys re-scored). */
  public static HumanSample sample(Map<String, Double> weights, int respondents, long seed) {
    InstrumentSet instruments = InstrumentSet.builtin();
    List<ModelSample.SessionRow> rows = new ArrayList<>();
    long present = 0;
    int r = 0;
    for (double[] raw : raw(instruments, weights, respondents, seed)) {
      double[] scored = raw.clone();
      List<String> ids = instruments.itemIds();
      for (int i = 0; i < ids.size(); i++) {
        Instrument instrument = instruments.instrumentOf(ids.get(i)).orElseThrow();
        if (!Double.isNaN(raw[i])) {
          present++;
          if (instrument.item(ids.get(i)).orElseThrow().reverseKeyed()) {
            scored[i] = instrument.scale().min() + instrument.scale().max() - raw[i];
          }
        }
      }
      rows.add(new ModelSample.SessionRow(String.format(Locale.ROOT, "row-%09d", ++r), scored));
    }
    return new HumanSample("simulated-humans.csv", rows,
        new ResponseCounts((long) respondents * instruments.itemIds().size(), present, 0, 0, 0));
  }

  private static List<double[]> raw(InstrumentSet instruments, Map<String, Double> w,
      int respondents, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double explained = w.get("PSA") * w.get("PSA");
    double[] privacy = {w.get("CTRL"), w.get("AWARE"), w.get("COLL")};
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        explained += privacy[i] * privacy[j] * (i == j ? 1 : GENERAL * GENERAL);
      }
    }
    double residual = Math.sqrt(Math.max(0.2, 1 - explained));
    List<double[]> rows = new ArrayList<>();
    for (int r = 0; r < respondents; r++) {
      double general = gaussian(random);
      double unique = Math.sqrt(1 - GENERAL * GENERAL);
      Map<String, Double> traits = new LinkedHashMap<>();
      traits.put("control", GENERAL * general + unique * gaussian(random));
      traits.put("awareness", GENERAL * general + unique * gaussian(random));
      traits.put("collection", GENERAL * general + unique * gaussian(random));
      traits.put("prosocialness", gaussian(random));
      traits.put("data_sharing", w.get("CTRL") * traits.get("control")
          + w.get("AWARE") * traits.get("awareness") + w.get("COLL") * traits.get("collection")
          + w.get("PSA") * traits.get("prosocialness") + residual * gaussian(random));
      List<Double> row = new ArrayList<>();
      for (Instrument instrument : instruments.instruments()) {
        int min = instrument.scale().min();
        int max = instrument.scale().max();
        for (InstrumentItem item : instrument.items()) {
          String trait = instrument.construct().equals("privacy_concern") ? item.dimension()
              : instrument.construct();
          double latent = LOADING * traits.get(trait)
              + Math.sqrt(1 - LOADING * LOADING) * gaussian(random);
          double value = Math.max(min, Math.min(max,
              Math.rint((min + max) / 2.0 + latent * (max - min) / 4.0)));
          boolean missing = random.nextDouble() < MISSING_SHARE;
          row.add(missing ? Double.NaN : item.reverseKeyed() ? min + max - value : value);
        }
      }
      rows.add(row.stream().mapToDouble(Double::doubleValue).toArray());
    }
    return rows;
  }

  private static double gaussian(SplittableRandom random) {
    // Box–Muller: SplittableRandom has no nextGaussian on Java 17
    return Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
        * Math.cos(2 * Math.PI * random.nextDouble());
  }
}

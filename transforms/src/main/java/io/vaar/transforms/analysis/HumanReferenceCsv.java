package io.vaar.transforms.analysis;

import io.vaar.transforms.data.InputException;
import io.vaar.transforms.data.WideCsv;
import io.vaar.transforms.instruments.Instrument;
import io.vaar.transforms.instruments.InstrumentItem;
import io.vaar.transforms.instruments.InstrumentSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads and checks a human reference CSV in the wide format (one row per respondent, one column
 * per item id of the instruments, other columns ignored, empty cells and {@code NA} missing)
 * into a {@link HumanSample}: every answer must be a whole number on its item's response scale
 * (raw answers: reverse-keyed items are re-scored here exactly as a model's answers are), and
 * there must be more respondents who answered something than there are items, or the SEM cannot
 * be fitted. Each problem is one {@link InputException} line naming the file and the fix, raised
 * when a run is launched — before any model is called.
 */
public final class HumanReferenceCsv {

  private HumanReferenceCsv() {
  }

  /**
   * @param file where to read, resolved like the config's other paths (from the working directory)
   * @param shown the file as the config names it, for messages and the analysis output
   */
  public static HumanSample read(Path file, String shown, InstrumentSet instruments) {
    String where = "human_reference " + shown;
    if (!Files.isRegularFile(file)) {
      throw new InputException(where + ": file not found; give a CSV of human answers (one row "
          + "per respondent, one column per item id), relative to the directory vaar runs in");
    }
    List<String> itemIds = instruments.itemIds();
    WideCsv csv;
    try {
      csv = WideCsv.read(file);
    } catch (InputException e) {
      throw new InputException("human_reference " + e.getMessage(), e);
    }
    List<String> absent = itemIds.stream().filter(id -> !csv.columns().contains(id)).toList();
    if (!absent.isEmpty()) {
      throw new InputException(where + ": no column for item" + (absent.size() == 1 ? " " : "s ")
          + shorten(absent) + "; the file needs one column per item id of the instruments ("
          + shorten(itemIds) + ")");
    }
    double[][] raw;
    try {
      raw = csv.numericByGroup(itemIds, null).get("");
    } catch (InputException e) {
      throw new InputException("human_reference " + e.getMessage(), e);
    }
    List<ModelSample.SessionRow> rows = new ArrayList<>();
    long present = 0;
    int answering = 0;
    for (int r = 0; r < raw.length; r++) {
      double[] values = new double[itemIds.size()];
      boolean any = false;
      for (int i = 0; i < itemIds.size(); i++) {
        values[i] = score(raw[r][i], itemIds.get(i), instruments, where, r);
        if (!Double.isNaN(values[i])) {
          present++;
          any = true;
        }
      }
      answering += any ? 1 : 0;
      rows.add(new ModelSample.SessionRow(String.format(Locale.ROOT, "row-%09d", r + 1),
          values));
    }
    if (answering <= itemIds.size()) {
      throw new InputException(where + ": " + answering + " respondents answered anything, "
          + "but fitting the model to " + itemIds.size() + " items needs at least "
          + (itemIds.size() + 1) + " (a few hundred give usable standard errors); add respondents");
    }
    long asked = (long) raw.length * itemIds.size();
    return new HumanSample(shown, rows, new ResponseCounts(asked, present, 0, 0, 0));
  }

  /** The analysis value of one cell: NaN when missing, re-scored when the item is reverse keyed. */
  private static double score(double value, String itemId, InstrumentSet instruments,
      String where, int row) {
    if (Double.isNaN(value)) {
      return value;
    }
    Instrument instrument = instruments.instrumentOf(itemId).orElseThrow();
    InstrumentItem item = instrument.item(itemId).orElseThrow();
    int min = instrument.scale().min();
    int max = instrument.scale().max();
    if (value != Math.rint(value) || value < min || value > max) {
      // row 0 is the file's second line when no blank lines intervene; the item names the cell
      throw new InputException(where + ", respondent " + (row + 1) + ", column '" + itemId
          + "': " + plain(value) + " is not an answer on the item's scale (whole numbers "
          + min + "–" + max + "); correct it or leave the cell empty for a missing answer");
    }
    return item.reverseKeyed() ? min + max - value : value;
  }

  private static String plain(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value) : Double.toString(value);
  }

  private static String shorten(List<String> ids) {
    return ids.size() <= 8 ? String.join(", ", ids)
        : String.join(", ", ids.subList(0, 8)) + ", … (" + ids.size() + " in all)";
  }
}

package io.vaar.transforms.data;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A wide CSV file held in memory: a header line naming the columns, then one row per
 * respondent. {@link #numericByGroup} turns chosen columns into a rows-by-variables matrix per
 * group, in the order groups first appear, which is the shape the SEM engine fits (lavaan's
 * {@code group =} argument). Cells stay text until a column is requested, so identifier or
 * free-text columns never have to be numeric. Every problem is an {@link InputException} with
 * the file, line and column in its message.
 */
public final class WideCsv {

  private static final CsvMapper MAPPER = new CsvMapper()
      .enable(CsvParser.Feature.WRAP_AS_ARRAY)
      .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
      .enable(CsvParser.Feature.TRIM_SPACES);

  /** Columns listed in full in a "not in the data" message before the list is shortened. */
  private static final int COLUMNS_SHOWN = 40;

  private final Path file;
  private final List<String> columns;
  private final Map<String, Integer> columnIndex;
  private final List<CsvRow> rows;

  private WideCsv(Path file, List<String> columns, Map<String, Integer> columnIndex, List<CsvRow> rows) {
    this.file = file;
    this.columns = columns;
    this.columnIndex = columnIndex;
    this.rows = rows;
  }

  /**
   * Reads the whole file, checking the header for duplicate names and every row for the
   * header's number of cells.
   *
   * @throws InputException if the file is missing, unreadable, malformed or has no data rows
   */
  public static WideCsv read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new InputException(file + ": file not found");
    }
    List<CsvRow> lines = readRows(file);
    if (lines.isEmpty()) {
      throw new InputException(file + ": the file is empty; expected a header line naming the columns");
    }
    List<String> header = lines.get(0).cells();
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      Integer earlier = index.putIfAbsent(header.get(i), i);
      if (earlier != null) {
        throw new InputException(file + ": duplicate column '" + header.get(i) + "' (columns "
            + (earlier + 1) + " and " + (i + 1) + "); rename one of them");
      }
    }
    List<CsvRow> rows = lines.subList(1, lines.size());
    if (rows.isEmpty()) {
      throw new InputException(file + ": no data rows");
    }
    for (CsvRow row : rows) {
      if (row.cells().size() != header.size()) {
        throw new InputException(file + " line " + row.line() + " has " + row.cells().size()
            + " cells but the header has " + header.size());
      }
    }
    return new WideCsv(file, List.copyOf(header), Map.copyOf(index), List.copyOf(rows));
  }

  private static List<CsvRow> readRows(Path file) {
    List<CsvRow> rows = new ArrayList<>();
    int line = 1;
    try (MappingIterator<String[]> iterator = MAPPER.readerFor(String[].class).readValues(file.toFile())) {
      JsonParser parser = iterator.getParser();
      while (iterator.hasNextValue()) {
        // hasNextValue() leaves the parser at the row's START_ARRAY, where the reading
        // position is already on the row's first line (after any skipped blank lines); the
        // token location instead still points at the previous row.
        line = parser.currentLocation().getLineNr();
        rows.add(new CsvRow(line, List.of(iterator.nextValue())));
      }
    } catch (NoSuchFileException e) {
      throw new InputException(file + ": file not found", e);
    } catch (JsonProcessingException e) {
      // Jackson locates the error where it gave up (for an unclosed quote, the end of the
      // file); the start of the row being read is where the user has to look.
      throw new InputException(file + " line " + line + ": malformed CSV (" + e.getOriginalMessage()
          + "); check the quoting in the row starting on that line", e);
    } catch (IOException e) {
      throw new InputException(file + ": cannot be read (" + e.getMessage() + ")", e);
    }
    return rows;
  }

  /** The file this data came from. */
  public Path file() {
    return file;
  }

  /** The column names in header order. */
  public List<String> columns() {
    return columns;
  }

  /** The number of data rows (the header not counted). */
  public int rowCount() {
    return rows.size();
  }

  /**
   * The chosen columns as numbers, split by the value of a group column.
   *
   * @param variables the columns to read, in the order of the matrix columns
   * @param groupColumn the column whose values name the groups, or {@code null} for one group
   *     named {@code ""} holding every row
   * @return for each group, in order of first appearance, a rows-by-variables matrix with
   *     missing cells ({@code ""}, {@code NA}, {@code NaN}) as {@code NaN}
   * @throws InputException if a column is not in the data, a cell is not a number, or a row
   *     has an empty group value
   */
  public LinkedHashMap<String, double[][]> numericByGroup(List<String> variables, String groupColumn) {
    int[] variableIndex = variables.stream().mapToInt(this::indexOf).toArray();
    int groupIndex = groupColumn == null ? -1 : indexOf(groupColumn);
    LinkedHashMap<String, List<double[]>> grouped = new LinkedHashMap<>();
    for (CsvRow row : rows) {
      String group = groupIndex < 0 ? "" : row.cells().get(groupIndex);
      if (groupIndex >= 0 && group.isBlank()) {
        throw new InputException(file + " line " + row.line() + ": the group column '" + groupColumn
            + "' is empty; give every row a group or drop the row");
      }
      double[] values = new double[variableIndex.length];
      for (int v = 0; v < variableIndex.length; v++) {
        values[v] = numberAt(row, variableIndex[v]);
      }
      grouped.computeIfAbsent(group, g -> new ArrayList<>()).add(values);
    }
    LinkedHashMap<String, double[][]> result = new LinkedHashMap<>();
    grouped.forEach((group, groupRows) -> result.put(group, groupRows.toArray(double[][]::new)));
    return result;
  }

  private double numberAt(CsvRow row, int column) {
    String cell = row.cells().get(column);
    Double value = NumericCell.parse(cell);
    if (value == null) {
      throw new InputException(file + " line " + row.line() + ", column '" + columns.get(column) + "': '"
          + cell + "' is not a number; write missing values as NA or leave the cell empty");
    }
    return value;
  }

  private int indexOf(String column) {
    Integer index = columnIndex.get(column);
    if (index == null) {
      throw new InputException(file + ": column '" + column + "' is not in the data (columns: "
          + shownColumns() + ")");
    }
    return index;
  }

  private String shownColumns() {
    if (columns.size() <= COLUMNS_SHOWN) {
      return String.join(", ", columns);
    }
    return String.join(", ", columns.subList(0, COLUMNS_SHOWN)) + ", … and "
        + (columns.size() - COLUMNS_SHOWN) + " more";
  }
}

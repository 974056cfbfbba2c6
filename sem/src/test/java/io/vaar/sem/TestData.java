package io.vaar.sem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the small CSV fixtures of the tests (quoted headers, NA or empty for missing) into SemData. */
final class TestData {
  /** The Holzinger–Swineford three-factor CFA (shared/reference/hs.lav). */
  static final String HS_MODEL = resource("data/hs.lav");

  private TestData() {}

  static String resource(String path) {
    try (var in = TestData.class.getResourceAsStream("/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static SemData csv(String path, String groupColumn) {
    String[] lines = resource(path).split("\r?\n");
    List<String> header = Arrays.stream(lines[0].split(",")).map(TestData::unquote).toList();
    int gi = groupColumn == null ? -1 : header.indexOf(groupColumn);
    Map<String, List<double[]>> groups = new LinkedHashMap<>();
    for (int l = 1; l < lines.length; l++) {
      if (lines[l].isBlank()) {
        continue;
      }
      String[] cells = lines[l].split(",", -1);
      double[] row = new double[header.size()];
      for (int c = 0; c < cells.length; c++) {
        String v = unquote(cells[c]);
        row[c] = c == gi || v.isEmpty() || v.equals("NA") ? Double.NaN : parse(v);
      }
      String g = gi < 0 ? "" : unquote(cells[gi]);
      groups.computeIfAbsent(g, k -> new ArrayList<>()).add(row);
    }
    List<double[][]> rows = new ArrayList<>();
    groups.values().forEach(r -> rows.add(r.toArray(new double[0][])));
    return SemData.ofRows(header, new ArrayList<>(groups.keySet()), rows);
  }

  private static double parse(String v) {
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static String unquote(String s) {
    s = s.trim();
    return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
  }
}

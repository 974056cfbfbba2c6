package io.vaar.sem;

import io.vaar.sem.data.GroupStatistics;
import io.vaar.sem.data.GroupStatisticsAccumulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

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

  /**
   * The rows' columns {@code vars} as merged group statistics, the way a pipeline builds them:
   * each group's rows spread at random over 2 to 5 accumulators, merged pairwise in random
   * order, some after a snapshot round trip (as a coder would decode them).
   */
  static SemData mergedStatistics(SemData rows, List<String> vars, long seed) {
    Random random = new Random(seed);
    int[] columns = vars.stream().mapToInt(rows.variables()::indexOf).toArray();
    List<GroupStatistics> statistics = new ArrayList<>();
    for (int g = 0; g < rows.groupNames().size(); g++) {
      List<GroupStatisticsAccumulator> shards = new ArrayList<>();
      int count = 2 + random.nextInt(4);
      for (int s = 0; s < count; s++) {
        shards.add(new GroupStatisticsAccumulator(vars.size()));
      }
      for (double[] row : rows.rows(g)) {
        double[] sub = new double[columns.length];
        for (int i = 0; i < columns.length; i++) {
          sub[i] = row[columns[i]];
        }
        shards.get(random.nextInt(count)).add(sub);
      }
      while (shards.size() > 1) {
        GroupStatisticsAccumulator a = shards.remove(random.nextInt(shards.size()));
        GroupStatisticsAccumulator b = shards.remove(random.nextInt(shards.size()));
        if (random.nextBoolean()) {
          a = GroupStatisticsAccumulator.of(a.snapshot());
        }
        a.merge(b);
        shards.add(a);
      }
      statistics.add(shards.get(0).snapshot());
    }
    return SemData.ofStatistics(vars, rows.groupNames(), statistics);
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

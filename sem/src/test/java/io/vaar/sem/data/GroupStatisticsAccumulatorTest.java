package io.vaar.sem.data;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vaar.sem.SemInputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Merged statistics do not depend on how rows were split or in which order the parts were
 * merged: the kept incomplete rows exactly, the pooled moments to rounding.
 */
class GroupStatisticsAccumulatorTest {
  private static final int P = 6;

  /** Seven-point items, about one row in five with one or two cells missing, a few with none observed. */
  private static double[][] likertRows(int n, long seed) {
    Random r = new Random(seed);
    double[][] rows = new double[n][P];
    for (double[] row : rows) {
      for (int i = 0; i < P; i++) {
        row[i] = 1 + r.nextInt(7);
      }
      if (r.nextInt(5) == 0) {
        row[r.nextInt(P)] = Double.NaN;
        if (r.nextBoolean()) {
          row[r.nextInt(P)] = Double.NaN;
        }
      }
      if (r.nextInt(100) == 0) {
        java.util.Arrays.fill(row, Double.NaN);
      }
    }
    return rows;
  }

  private static GroupStatistics inOne(double[][] rows) {
    GroupStatisticsAccumulator acc = new GroupStatisticsAccumulator(P);
    for (double[] row : rows) {
      acc.add(row);
    }
    return acc.snapshot();
  }

  private static List<GroupStatisticsAccumulator> shards(double[][] rows, int count, long seed) {
    Random r = new Random(seed);
    List<GroupStatisticsAccumulator> shards = new ArrayList<>();
    for (int s = 0; s < count; s++) {
      shards.add(new GroupStatisticsAccumulator(P));
    }
    for (double[] row : rows) {
      shards.get(r.nextInt(count)).add(row);
    }
    return shards;
  }

  /** Kept rows exactly; pooled moments to 1e-10 of their scale (√(S_aa S_bb) for the scatter). */
  private static void assertSame(GroupStatistics expected, GroupStatistics actual) {
    assertArrayEquals(expected.incompleteRows(), actual.incompleteRows());
    FourthMoments e = expected.complete();
    FourthMoments a = actual.complete();
    assertEquals(e.n(), a.n());
    for (int i = 0; i < e.zMean().length; i++) {
      assertEquals(e.zMean()[i], a.zMean()[i], 1e-10 * Math.abs(e.zMean()[i]));
      for (int j = 0; j < e.zMean().length; j++) {
        double scale = Math.sqrt(e.zScatter()[i][i] * e.zScatter()[j][j]);
        assertEquals(e.zScatter()[i][j], a.zScatter()[i][j], 1e-10 * scale);
      }
    }
  }

  @Test
  void splitAndMergeOrderDoNotMatter() {
    double[][] rows = likertRows(2000, 1);
    GroupStatistics whole = inOne(rows);
    assertEquals(whole.cases(), java.util.Arrays.stream(rows)
        .filter(r -> MissingPatterns.observedIndices(r).length > 0).count());
    for (long seed = 2; seed < 6; seed++) {
      // left fold in one order
      List<GroupStatisticsAccumulator> parts = shards(rows, 7, seed);
      GroupStatisticsAccumulator folded = new GroupStatisticsAccumulator(P);
      parts.forEach(folded::merge);
      assertSame(whole, folded.snapshot());
      // a balanced tree in another order, each merge after a snapshot round trip
      Collections.shuffle(parts, new Random(seed));
      while (parts.size() > 1) {
        GroupStatisticsAccumulator a = GroupStatisticsAccumulator.of(parts.remove(0).snapshot());
        a.merge(parts.remove(0));
        parts.add(a);
      }
      assertSame(whole, parts.get(0).snapshot());
    }
  }

  @Test
  void resumingFromASnapshotContinuesTheSameStatistics() {
    double[][] rows = likertRows(300, 7);
    GroupStatisticsAccumulator first = new GroupStatisticsAccumulator(P);
    for (int r = 0; r < 100; r++) {
      first.add(rows[r]);
    }
    GroupStatisticsAccumulator resumed = GroupStatisticsAccumulator.of(first.snapshot());
    for (int r = 100; r < rows.length; r++) {
      resumed.add(rows[r]);
    }
    assertSame(inOne(rows), resumed.snapshot());
  }

  @Test
  void snapshotIsNotChangedByLaterRows() {
    GroupStatisticsAccumulator acc = new GroupStatisticsAccumulator(2);
    double[] row = {1, Double.NaN};
    acc.add(row);
    GroupStatistics before = acc.snapshot();
    row[0] = 5;
    acc.add(new double[] {2, 3});
    acc.add(new double[] {4, Double.NaN});
    assertEquals(1, before.cases());
    assertEquals(1.0, before.incompleteRows()[0][0]);
    assertEquals(0, before.complete().n());
  }

  @Test
  void selectingColumnsPoolsRowsThatBecomeComplete() {
    GroupStatisticsAccumulator acc = new GroupStatisticsAccumulator(3);
    acc.add(new double[] {1, 2, 3});
    acc.add(new double[] {2, 5, Double.NaN});
    acc.add(new double[] {Double.NaN, 1, 4});
    acc.add(new double[] {Double.NaN, Double.NaN, 4});
    GroupStatistics selected = acc.snapshot().select(new int[] {1, 0});
    assertEquals(2, selected.complete().n());
    assertArrayEquals(new double[] {3.5, 1.5}, selected.complete().toSampleMoments().mean(), 1e-15);
    assertArrayEquals(new double[][] {{1, Double.NaN}}, selected.incompleteRows());
  }

  @Test
  void rowOfTheWrongWidthIsRefused() {
    SemInputException e = assertThrows(SemInputException.class,
        () -> new GroupStatisticsAccumulator(4).add(new double[] {1, 2, 3}));
    assertThat(e.getMessage(), containsString("3 values"));
    assertThat(e.getMessage(), containsString("4 variables"));
  }

  @Test
  void statisticsOfDifferentWidthsDoNotMerge() {
    SemInputException e = assertThrows(SemInputException.class,
        () -> new GroupStatisticsAccumulator(4).merge(new GroupStatisticsAccumulator(5)));
    assertThat(e.getMessage(), containsString("5 variables into statistics of 4"));
  }

  @Test
  void completeRowsAmongTheIncompleteAreRefused() {
    FourthMoments none = new FourthMomentAccumulator(2).toMoments();
    SemInputException e = assertThrows(SemInputException.class,
        () -> new GroupStatistics(2, none, new double[][] {{1, 2}}));
    assertThat(e.getMessage(), containsString("complete rows belong in the moments"));
    e = assertThrows(SemInputException.class,
        () -> new GroupStatistics(2, none, new double[][] {{1, Double.NaN, 3}}));
    assertThat(e.getMessage(), containsString("3 values, not 2"));
  }
}

package io.vaar.transforms.analysis;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vaar.sem.data.FourthMomentAccumulator;
import io.vaar.sem.data.FourthMoments;
import io.vaar.sem.data.GroupStatistics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LikertMomentsTest {

  private static List<double[]> rows(int count, int p, long seed) {
    Random random = new Random(seed);
    List<double[]> rows = new ArrayList<>();
    for (int r = 0; r < count; r++) {
      double[] row = new double[p];
      for (int i = 0; i < p; i++) {
        row[i] = random.nextDouble() < 0.02 ? Double.NaN : 1 + random.nextInt(7);
      }
      rows.add(row);
    }
    return rows;
  }

  @Test
  void anySplitAndMergeOrderGivesTheSameBits() {
    List<double[]> rows = rows(500, 6, 1);
    LikertMoments whole = new LikertMoments(6);
    rows.forEach(whole::add);
    List<double[]> shuffled = new ArrayList<>(rows);
    Collections.shuffle(shuffled, new Random(2));
    List<LikertMoments> parts = new ArrayList<>();
    for (int part = 0; part < 7; part++) {
      parts.add(new LikertMoments(6));
    }
    for (int r = 0; r < shuffled.size(); r++) {
      parts.get(r % 7).add(shuffled.get(r));
    }
    LikertMoments merged = new LikertMoments(6);
    for (int part = 6; part >= 0; part--) {
      merged.merge(parts.get(part));
    }
    GroupStatistics a = whole.toStatistics();
    GroupStatistics b = merged.toStatistics();
    assertThat(b.complete().zMean(), equalTo(a.complete().zMean()));
    assertThat(b.complete().zScatter(), equalTo(a.complete().zScatter()));
    assertThat(b.incompleteRows(), equalTo(a.incompleteRows()));
    assertThat(merged.cases(), equalTo(500L));
  }

  @Test
  void foldingIntoSumsInBatchesChangesNoBit() {
    List<double[]> rows = rows(3 * LikertMoments.FOLD_AT + 17, 4, 5);
    LikertMoments whole = new LikertMoments(4);
    rows.forEach(whole::add);
    LikertMoments first = new LikertMoments(4);
    LikertMoments second = new LikertMoments(4);
    for (int r = 0; r < rows.size(); r++) {
      (r < 100 ? first : second).add(rows.get(r));
    }
    first.merge(second);
    assertThat(first.toStatistics().complete().zScatter(),
        equalTo(whole.toStatistics().complete().zScatter()));
    assertThat(first.cases(), equalTo(whole.cases()));
  }

  @Test
  void agreesWithTheEnginesOwnAccumulator() {
    List<double[]> rows = rows(300, 5, 3);
    LikertMoments exact = new LikertMoments(5);
    FourthMomentAccumulator reference = new FourthMomentAccumulator(5);
    for (double[] row : rows) {
      exact.add(row);
      boolean complete = Arrays.stream(row).noneMatch(Double::isNaN);
      if (complete) {
        reference.add(row);
      }
    }
    FourthMoments ours = exact.toStatistics().complete();
    FourthMoments theirs = reference.toMoments();
    assertThat(ours.n(), equalTo(theirs.n()));
    for (int a = 0; a < ours.zMean().length; a++) {
      assertThat(ours.zMean()[a], closeTo(theirs.zMean()[a], 1e-12));
      for (int b = 0; b < ours.zMean().length; b++) {
        assertThat(ours.zScatter()[a][b], closeTo(theirs.zScatter()[a][b],
            1e-10 * Math.max(1, Math.abs(theirs.zScatter()[a][b]))));
      }
    }
  }

  @Test
  void refusesWhatIsNotAWholeNumberAnswer() {
    LikertMoments moments = new LikertMoments(2);
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> moments.add(new double[] {1, 2.5})).getMessage(),
        containsString("whole numbers, not 2.5"));
    assertThrows(IllegalArgumentException.class, () -> moments.add(new double[] {1}));
    moments.add(new double[] {Double.NaN, Double.NaN});
    assertThat(moments.cases(), equalTo(0L));
  }
}

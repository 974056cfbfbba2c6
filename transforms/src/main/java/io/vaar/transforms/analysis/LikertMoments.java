package io.vaar.transforms.analysis;

import io.vaar.sem.data.FourthMoments;
import io.vaar.sem.data.GroupStatistics;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Mergeable sufficient statistics of one model's scored sessions, exact for whole-number
 * answers: the complete rows enter as integer power sums of {@code z = (y, vech yy')} — counts,
 * sums and cross-products held in {@code long}, so adding and merging are exact and the result
 * does not depend on how a runner split and merged the work — and incomplete rows are kept
 * verbatim for FIML. Complete rows are folded into the sums in batches, so a small accumulator
 * stays small on the wire. {@link #toStatistics()} turns them into the SEM engine's
 * {@link GroupStatistics}, with identical bits on every runner. Answers must be whole numbers of
 * magnitude at most 100 (every Likert or 0–100 rating scale, whose fourth powers summed over
 * billions of sessions still fit a {@code long}); anything else is refused rather than rounded.
 */
public final class LikertMoments implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final double MAX_MAGNITUDE = 100;

  /** Complete rows held as they are before they are folded into the sums. */
  static final int FOLD_AT = 2048;

  private final int p;
  private final int width;
  private long n;
  // Allocated at the first fold: a run with few sessions never carries (or serialises) the
  // 1.26 MB of sums that 32 items need, only its rows.
  private long[] sumZ;
  private long[] sumZZ;
  private final List<double[]> pending = new ArrayList<>();
  private final List<double[]> incomplete = new ArrayList<>();

  public LikertMoments(int variables) {
    if (variables < 1) {
      throw new IllegalArgumentException("at least one variable is needed");
    }
    this.p = variables;
    this.width = FourthMoments.width(variables);
  }

  public int variables() {
    return p;
  }

  /** Adds one scored session; {@code NaN} marks an unanswered item. */
  public void add(double[] row) {
    if (row.length != p) {
      throw new IllegalArgumentException("a row has " + row.length + " values, not " + p);
    }
    int observed = 0;
    for (double value : row) {
      if (!Double.isNaN(value)) {
        if (value != Math.rint(value) || Math.abs(value) > MAX_MAGNITUDE) {
          throw new IllegalArgumentException("answers must be whole numbers, not " + value);
        }
        observed++;
      }
    }
    if (observed == 0) {
      return;
    }
    if (observed < p) {
      incomplete.add(row.clone());
      return;
    }
    pending.add(row.clone());
    if (pending.size() >= FOLD_AT) {
      fold();
    }
  }

  /** Adds the pending complete rows to the integer power sums. */
  private void fold() {
    if (sumZ == null) {
      sumZ = new long[width];
      sumZZ = new long[width * (width + 1) / 2];
    }
    long[] z = new long[width];
    for (double[] row : pending) {
      for (int i = 0; i < p; i++) {
        z[i] = (long) row[i];
        for (int j = i; j < p; j++) {
          z[FourthMoments.pairIndex(p, i, j)] = (long) row[i] * (long) row[j];
        }
      }
      n++;
      int k = 0;
      for (int a = 0; a < width; a++) {
        sumZ[a] += z[a];
        long za = z[a];
        for (int b = 0; b <= a; b++) {
          sumZZ[k++] += za * z[b];
        }
      }
    }
    pending.clear();
  }

  public void merge(LikertMoments other) {
    if (other.p != p) {
      throw new IllegalArgumentException("cannot merge statistics of " + other.p
          + " variables into statistics of " + p);
    }
    if (other.sumZ != null) {
      if (sumZ == null) {
        sumZ = new long[width];
        sumZZ = new long[width * (width + 1) / 2];
      }
      n += other.n;
      for (int a = 0; a < width; a++) {
        sumZ[a] += other.sumZ[a];
      }
      for (int k = 0; k < sumZZ.length; k++) {
        sumZZ[k] += other.sumZZ[k];
      }
    }
    for (double[] row : other.pending) {
      pending.add(row.clone());
    }
    if (pending.size() >= FOLD_AT) {
      fold();
    }
    for (double[] row : other.incomplete) {
      incomplete.add(row.clone());
    }
  }

  /** Writes the state compactly (see {@link #readFrom}); a pipeline coder uses this. */
  public void writeTo(DataOutput out) throws IOException {
    out.writeInt(p);
    out.writeLong(n);
    out.writeBoolean(sumZ != null);
    if (sumZ != null) {
      for (long value : sumZ) {
        out.writeLong(value);
      }
      for (long value : sumZZ) {
        out.writeLong(value);
      }
    }
    writeRows(out, pending);
    writeRows(out, incomplete);
  }

  public static LikertMoments readFrom(DataInput in) throws IOException {
    LikertMoments moments = new LikertMoments(in.readInt());
    moments.n = in.readLong();
    if (in.readBoolean()) {
      moments.sumZ = new long[moments.width];
      moments.sumZZ = new long[moments.width * (moments.width + 1) / 2];
      for (int a = 0; a < moments.sumZ.length; a++) {
        moments.sumZ[a] = in.readLong();
      }
      for (int k = 0; k < moments.sumZZ.length; k++) {
        moments.sumZZ[k] = in.readLong();
      }
    }
    readRows(in, moments.p, moments.pending);
    readRows(in, moments.p, moments.incomplete);
    return moments;
  }

  private static void writeRows(DataOutput out, List<double[]> rows) throws IOException {
    out.writeInt(rows.size());
    for (double[] row : rows) {
      for (double value : row) {
        out.writeDouble(value);
      }
    }
  }

  private static void readRows(DataInput in, int p, List<double[]> into) throws IOException {
    int count = in.readInt();
    for (int r = 0; r < count; r++) {
      double[] row = new double[p];
      for (int i = 0; i < p; i++) {
        row[i] = in.readDouble();
      }
      into.add(row);
    }
  }

  /** Sessions with at least one answer. */
  public long cases() {
    return n + pending.size() + incomplete.size();
  }

  /** The statistics as the SEM engine takes them; incomplete rows in a canonical order. */
  public GroupStatistics toStatistics() {
    if (!pending.isEmpty()) {
      // Folding here would change this accumulator, which may be a pipeline's input.
      LikertMoments folded = new LikertMoments(p);
      folded.merge(this);
      folded.fold();
      return folded.toStatistics();
    }
    double[] mean = new double[width];
    double[][] scatter = new double[width][width];
    if (n > 0 && sumZ != null) {
      for (int a = 0; a < width; a++) {
        mean[a] = (double) sumZ[a] / n;
      }
      int k = 0;
      for (int a = 0; a < width; a++) {
        for (int b = 0; b <= a; b++) {
          double centred = sumZZ[k++] - (double) sumZ[a] * (double) sumZ[b] / n;
          scatter[a][b] = centred;
          scatter[b][a] = centred;
        }
      }
    }
    double[][] rows = incomplete.stream().map(double[]::clone)
        .sorted(Arrays::compare).toArray(double[][]::new);
    return new GroupStatistics(p, new FourthMoments(n, p, mean, scatter), rows);
  }
}

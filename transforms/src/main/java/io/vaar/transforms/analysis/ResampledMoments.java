package io.vaar.transforms.analysis;

import io.vaar.sem.data.SampleMoments;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The means and covariances (divisor n) of a bootstrap resample of sessions, computed from
 * multinomial draw counts over the complete rows rather than from copied rows. Rows are
 * centred once at the full sample's mean so that the weighted sums stay accurate. An
 * incomplete session can be drawn but, as under listwise deletion, contributes nothing.
 */
final class ResampledMoments {

  private final int sessions;
  private final double[][] centred;
  private final double[] centre;

  ResampledMoments(double[][] rows) {
    this.sessions = rows.length;
    double[][] complete = Arrays.stream(rows)
        .filter(r -> Arrays.stream(r).noneMatch(Double::isNaN)).toArray(double[][]::new);
    int p = rows.length == 0 ? 0 : rows[0].length;
    centre = new double[p];
    for (double[] row : complete) {
      for (int i = 0; i < p; i++) {
        centre[i] += row[i] / complete.length;
      }
    }
    centred = new double[complete.length][p];
    for (int r = 0; r < complete.length; r++) {
      for (int i = 0; i < p; i++) {
        centred[r][i] = complete[r][i] - centre[i];
      }
    }
  }

  /** The moments of every complete row, or null when there are too few to fit. */
  SampleMoments all() {
    int[] counts = new int[centred.length];
    Arrays.fill(counts, 1);
    return moments(counts);
  }

  /** The moments of one resample of all sessions, or null when it has too few complete rows. */
  SampleMoments resample(SplittableRandom random) {
    int[] counts = new int[centred.length];
    for (int draw = 0; draw < sessions; draw++) {
      int session = random.nextInt(sessions);
      // sessions beyond the complete rows stand for the incomplete ones
      if (session < centred.length) {
        counts[session]++;
      }
    }
    return moments(counts);
  }

  private SampleMoments moments(int[] counts) {
    int p = centre.length;
    long n = Arrays.stream(counts).asLongStream().sum();
    if (n <= p) {
      return null;
    }
    double[] mean = new double[p];
    double[][] cross = new double[p][p];
    for (int r = 0; r < centred.length; r++) {
      int c = counts[r];
      if (c == 0) {
        continue;
      }
      double[] x = centred[r];
      for (int i = 0; i < p; i++) {
        double cx = c * x[i];
        mean[i] += cx;
        double[] row = cross[i];
        for (int j = 0; j <= i; j++) {
          row[j] += cx * x[j];
        }
      }
    }
    double[][] cov = new double[p][p];
    for (int i = 0; i < p; i++) {
      mean[i] /= n;
    }
    for (int i = 0; i < p; i++) {
      for (int j = 0; j <= i; j++) {
        cov[i][j] = cross[i][j] / n - mean[i] * mean[j];
        cov[j][i] = cov[i][j];
      }
    }
    for (int i = 0; i < p; i++) {
      mean[i] += centre[i];
    }
    return new SampleMoments(n, mean, cov);
  }
}

package io.vaar.sem.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Solves and inverts through the arrow structure must equal dense linear algebra. */
class BlockArrowSystemTest {
  @Test
  void solveAndInverseMatchDenseCholesky() {
    Random r = new Random(3);
    int[] owner = {0, 0, -1, 1, 1, 1, -1, 2};
    int n = owner.length;
    BlockArrowSystem sys = new BlockArrowSystem(n, owner, 3);
    double[][] dense = new double[n][n];
    for (int b = 0; b < 3; b++) {
      final int block = b;
      int[] idx = java.util.stream.IntStream.range(0, n)
          .filter(i -> owner[i] == block || owner[i] < 0).toArray();
      double[][] x = new double[idx.length + 2][idx.length];
      for (double[] row : x) {
        for (int j = 0; j < row.length; j++) {
          row[j] = r.nextGaussian();
        }
      }
      double[][] local = new double[idx.length][idx.length];
      for (int i = 0; i < idx.length; i++) {
        for (int j = 0; j < idx.length; j++) {
          for (double[] row : x) {
            local[i][j] += row[i] * row[j];
          }
          dense[idx[i]][idx[j]] += local[i][j];
        }
      }
      sys.add(b, idx, local, 1.0);
    }
    double[] rhs = new double[n];
    for (int i = 0; i < n; i++) {
      rhs[i] = r.nextGaussian();
    }
    Cholesky reference = Cholesky.of(dense);
    double[] expected = reference.solve(rhs);
    double[] actual = sys.factorize().solve(rhs);
    double[][] inv = sys.factorize().inverse();
    double[][] refInv = reference.inverse();
    for (int i = 0; i < n; i++) {
      assertEquals(expected[i], actual[i], 1e-9);
      for (int j = 0; j < n; j++) {
        assertEquals(refInv[i][j], inv[i][j], 1e-9);
        assertEquals(dense[i][j], sys.toDense()[i][j], 1e-12);
      }
    }
  }

  @Test
  void notPositiveDefiniteGivesNull() {
    BlockArrowSystem sys = new BlockArrowSystem(2, new int[] {0, 0}, 1);
    sys.add(0, new int[] {0, 1}, new double[][] {{1, 2}, {2, 1}}, 1.0);
    assertNull(sys.factorize());
  }
}

package io.vaar.sem.linalg;

/**
 * A symmetric matrix with block-arrow structure: diagonal blocks for parameters private to one
 * group, and a border for parameters shared by several groups (equality constraints across
 * groups). Multi-group information matrices have exactly this shape, so solving through Schur
 * complements costs the sum of small per-group factorisations instead of one large one.
 */
public final class BlockArrowSystem {
  private final int total;
  private final int[] owner;
  private final int[] position;
  private final int[][] blockIndices;
  private final int[] sharedIndices;
  private final double[][][] blockBlock;
  private final double[][][] blockShared;
  private final double[][] sharedShared;

  /**
   * @param total number of parameters
   * @param owner for each parameter the block that owns it, or -1 when it is shared
   */
  public BlockArrowSystem(int total, int[] owner, int blocks) {
    this.total = total;
    this.owner = owner.clone();
    this.position = new int[total];
    int[] blockSizes = new int[blocks];
    int shared = 0;
    for (int i = 0; i < total; i++) {
      position[i] = owner[i] < 0 ? shared++ : blockSizes[owner[i]]++;
    }
    blockIndices = new int[blocks][];
    for (int b = 0; b < blocks; b++) {
      blockIndices[b] = new int[blockSizes[b]];
    }
    sharedIndices = new int[shared];
    for (int i = 0; i < total; i++) {
      if (owner[i] < 0) {
        sharedIndices[position[i]] = i;
      } else {
        blockIndices[owner[i]][position[i]] = i;
      }
    }
    blockBlock = new double[blocks][][];
    blockShared = new double[blocks][][];
    for (int b = 0; b < blocks; b++) {
      blockBlock[b] = new double[blockSizes[b]][blockSizes[b]];
      blockShared[b] = new double[blockSizes[b]][shared];
    }
    sharedShared = new double[shared][shared];
  }

  public int size() {
    return total;
  }

  /** Sets every element to zero so the same structure can be refilled. */
  public void clear() {
    for (double[][] m : blockBlock) {
      zero(m);
    }
    for (double[][] m : blockShared) {
      zero(m);
    }
    zero(sharedShared);
  }

  private static void zero(double[][] m) {
    for (double[] row : m) {
      java.util.Arrays.fill(row, 0);
    }
  }

  /**
   * Adds {@code weight * local} where local element (r, c) belongs to parameters
   * (index[r], index[c]); indices may repeat. Only pairs inside {@code block} or the border are
   * valid, which holds for any contribution of one group.
   */
  public void add(int block, int[] index, double[][] local, double weight) {
    int n = index.length;
    for (int r = 0; r < n; r++) {
      int i = index[r];
      if (i < 0) {
        continue;
      }
      double[] lr = local[r];
      boolean iShared = owner[i] < 0;
      int pi = position[i];
      for (int c = 0; c < n; c++) {
        int j = index[c];
        if (j < 0) {
          continue;
        }
        double v = weight * lr[c];
        boolean jShared = owner[j] < 0;
        if (!iShared && !jShared) {
          if (owner[i] != block || owner[j] != block) {
            throw new IllegalArgumentException("contribution crosses blocks");
          }
          blockBlock[block][pi][position[j]] += v;
        } else if (!iShared) {
          blockShared[owner[i]][pi][position[j]] += v;
        } else if (jShared) {
          sharedShared[pi][position[j]] += v;
        }
      }
    }
  }

  /** The whole matrix as a dense array (for diagnostics). */
  public double[][] toDense() {
    double[][] out = new double[total][total];
    int ns = sharedIndices.length;
    for (int b = 0; b < blockBlock.length; b++) {
      int[] idx = blockIndices[b];
      for (int r = 0; r < idx.length; r++) {
        for (int c = 0; c < idx.length; c++) {
          out[idx[r]][idx[c]] = blockBlock[b][r][c];
        }
        for (int i = 0; i < ns; i++) {
          out[idx[r]][sharedIndices[i]] = blockShared[b][r][i];
          out[sharedIndices[i]][idx[r]] = blockShared[b][r][i];
        }
      }
    }
    for (int i = 0; i < ns; i++) {
      for (int j = 0; j < ns; j++) {
        out[sharedIndices[i]][sharedIndices[j]] = sharedShared[i][j];
      }
    }
    return out;
  }

  /** Factorises the system; returns null when it is not positive definite. */
  public Factorization factorize() {
    int blocks = blockBlock.length;
    int ns = sharedIndices.length;
    Cholesky[] chol = new Cholesky[blocks];
    double[][][] coupling = new double[blocks][][];
    double[][] schur = new double[ns][];
    for (int i = 0; i < ns; i++) {
      schur[i] = sharedShared[i].clone();
    }
    for (int b = 0; b < blocks; b++) {
      chol[b] = Cholesky.of(blockBlock[b]);
      if (chol[b] == null) {
        return null;
      }
      if (ns > 0 && blockIndices[b].length > 0) {
        double[][] u = chol[b].solveMatrix(blockShared[b]);
        coupling[b] = u;
        double[][] hbs = blockShared[b];
        for (int r = 0; r < hbs.length; r++) {
          double[] hr = hbs[r];
          double[] ur = u[r];
          for (int i = 0; i < ns; i++) {
            double h = hr[i];
            if (h != 0) {
              double[] si = schur[i];
              for (int j = 0; j < ns; j++) {
                si[j] -= h * ur[j];
              }
            }
          }
        }
      }
    }
    Cholesky schurChol = Cholesky.of(schur);
    if (schurChol == null) {
      return null;
    }
    return new Factorization(chol, coupling, schurChol);
  }

  /** A factorised block-arrow system: solves and the dense inverse. */
  public final class Factorization {
    private final Cholesky[] blockChol;
    private final double[][][] coupling;
    private final Cholesky schurChol;

    private Factorization(Cholesky[] blockChol, double[][][] coupling, Cholesky schurChol) {
      this.blockChol = blockChol;
      this.coupling = coupling;
      this.schurChol = schurChol;
    }

    /** The smallest pivot ratio over all factorised blocks. */
    public double pivotRatio() {
      double r = schurChol.size() == 0 ? 1 : schurChol.pivotRatio();
      for (Cholesky c : blockChol) {
        if (c.size() > 0) {
          r = Math.min(r, c.pivotRatio());
        }
      }
      return r;
    }

    public double[] solve(double[] rhs) {
      int blocks = blockChol.length;
      int ns = sharedIndices.length;
      double[][] y = new double[blocks][];
      double[] rs = new double[ns];
      for (int i = 0; i < ns; i++) {
        rs[i] = rhs[sharedIndices[i]];
      }
      for (int b = 0; b < blocks; b++) {
        int[] idx = blockIndices[b];
        double[] rb = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
          rb[i] = rhs[idx[i]];
        }
        blockChol[b].solveInPlace(rb);
        y[b] = rb;
        double[][] hbs = blockShared[b];
        for (int r = 0; r < idx.length && ns > 0; r++) {
          for (int i = 0; i < ns; i++) {
            rs[i] -= hbs[r][i] * rb[r];
          }
        }
      }
      schurChol.solveInPlace(rs);
      double[] x = new double[total];
      for (int i = 0; i < ns; i++) {
        x[sharedIndices[i]] = rs[i];
      }
      for (int b = 0; b < blocks; b++) {
        int[] idx = blockIndices[b];
        double[][] u = coupling[b];
        for (int r = 0; r < idx.length; r++) {
          double v = y[b][r];
          if (u != null) {
            for (int i = 0; i < ns; i++) {
              v -= u[r][i] * rs[i];
            }
          }
          x[idx[r]] = v;
        }
      }
      return x;
    }

    /** The dense inverse of the whole system. */
    public double[][] inverse() {
      int blocks = blockChol.length;
      int ns = sharedIndices.length;
      double[][] inv = new double[total][total];
      double[][] sInv = schurChol.inverse();
      for (int i = 0; i < ns; i++) {
        for (int j = 0; j < ns; j++) {
          inv[sharedIndices[i]][sharedIndices[j]] = sInv[i][j];
        }
      }
      double[][][] uS = new double[blocks][][];
      for (int b = 0; b < blocks; b++) {
        int[] idx = blockIndices[b];
        double[][] bInv = blockChol[b].inverse();
        for (int r = 0; r < idx.length; r++) {
          for (int c = 0; c < idx.length; c++) {
            inv[idx[r]][idx[c]] = bInv[r][c];
          }
        }
        if (coupling[b] != null) {
          uS[b] = Matrices.multiply(coupling[b], sInv);
          for (int r = 0; r < idx.length; r++) {
            for (int i = 0; i < ns; i++) {
              double v = -uS[b][r][i];
              inv[idx[r]][sharedIndices[i]] = v;
              inv[sharedIndices[i]][idx[r]] = v;
            }
          }
        }
      }
      for (int b = 0; b < blocks; b++) {
        if (uS[b] == null) {
          continue;
        }
        for (int b2 = 0; b2 < blocks; b2++) {
          if (coupling[b2] == null) {
            continue;
          }
          int[] ib = blockIndices[b];
          int[] ib2 = blockIndices[b2];
          for (int r = 0; r < ib.length; r++) {
            double[] left = uS[b][r];
            for (int c = 0; c < ib2.length; c++) {
              double[] right = coupling[b2][c];
              double s = 0;
              for (int i = 0; i < ns; i++) {
                s += left[i] * right[i];
              }
              inv[ib[r]][ib2[c]] += s;
            }
          }
        }
      }
      return inv;
    }
  }


}

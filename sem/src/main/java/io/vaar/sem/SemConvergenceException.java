package io.vaar.sem;

/** A fit whose optimiser did not reach the optimum; the message says why and what to try. */
public final class SemConvergenceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SemConvergenceException(String message) {
    super(message);
  }
}

package io.vaar.pipeline;

import io.vaar.sem.FitOptions;
import io.vaar.sem.SemData;
import io.vaar.sem.SemFit;
import io.vaar.sem.SemFitter;
import io.vaar.sem.SemModel;

/**
 * What {@code vaar sem fit} calls to fit a model: the SEM engine in production, a hand-made
 * result or failure in tests of the command's input handling and error reporting.
 */
@FunctionalInterface
interface SemFitEngine {

  /** The vaar SEM engine. */
  SemFitEngine DEFAULT = SemFitter::fit;

  SemFit fit(SemModel model, SemData data, FitOptions options);
}

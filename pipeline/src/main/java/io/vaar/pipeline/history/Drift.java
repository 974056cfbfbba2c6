package io.vaar.pipeline.history;

/**
 * A flagged change: between run {@code fromRun} and the later run {@code toRun}, the bootstrap
 * intervals of one measure of one model (its VAAR, or a path {@code LHS~RHS}) do not overlap.
 */
public record Drift(String model, String measure, String fromRun, Estimate from, String toRun,
    Estimate to) {
}

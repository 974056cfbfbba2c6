/**
 * {@code ./vaar history}: repeated audits of the same models lined up run by run. {@link
 * io.vaar.pipeline.history.RunSnapshotReader} reads what a finished run concluded (its
 * {@code analysis/vaar.json} and {@code manifest.json}) into a {@link
 * io.vaar.pipeline.history.RunSnapshot}; {@link io.vaar.pipeline.history.AuditHistory} orders
 * the runs by start time and flags every VAAR or path whose bootstrap interval does not overlap
 * the one it is compared with (a {@link io.vaar.pipeline.history.Drift}); {@link
 * io.vaar.pipeline.history.HistoryTable} and {@link io.vaar.pipeline.history.HistoryJson} print
 * it for people and for scripts.
 */
package io.vaar.pipeline.history;

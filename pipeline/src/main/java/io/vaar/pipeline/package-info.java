/**
 * The entry points of vaar: the {@code vaar} command line (picocli) with its subcommands, the
 * JSON and text renderings of their results, and the translation of every failure into one
 * line on stderr with the exit codes of the command-line contract (0 success, 1 a run that
 * failed, 2 bad usage or bad input) — and the entry point of the Dataflow Flex Template
 * ({@link io.vaar.pipeline.FlexTemplateAudit}), which launches an audit the same way
 * ({@link io.vaar.pipeline.AuditLaunch}).
 * {@link io.vaar.pipeline.FlinkApplicationMain} runs the same command line as the entry class of
 * a Flink application cluster.
 */
package io.vaar.pipeline;

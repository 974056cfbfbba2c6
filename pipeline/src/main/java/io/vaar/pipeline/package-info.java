/**
 * The entry points of vaar: the {@code vaar} command line (picocli) with its subcommands, the
 * JSON and text renderings of their results, and the translation of every failure into one
 * line on stderr with the exit codes of the command-line contract (0 success, 1 a run that
 * failed, 2 bad usage or bad input). {@link io.vaar.pipeline.FlinkApplicationMain} runs the same
 * command line as the entry class of a Flink application cluster.
 */
package io.vaar.pipeline;

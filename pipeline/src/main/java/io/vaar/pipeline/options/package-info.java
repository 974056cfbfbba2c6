/**
 * The Beam pipeline options of vaar's pipelines and their assembly from the command line:
 * {@link io.vaar.pipeline.options.VaarPipelineOptions} composes one options interface per
 * concern (the run, the archive), {@link io.vaar.pipeline.options.AuditTemplateOptions} adds the
 * Dataflow Flex Template's parameters, and {@link io.vaar.pipeline.options.PipelineArguments} turns
 * the command line's {@code --runner direct|flink|dataflow}, {@code --flink-master HOST:PORT}
 * and the Beam options after {@code --} into validated options, with every mistake reported as
 * one line.
 */
package io.vaar.pipeline.options;

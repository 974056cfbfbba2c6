package io.vaar.pipeline.options;

import org.apache.beam.sdk.options.Description;

/**
 * All options of vaar's pipelines, composed from one interface per concern; the runner's own
 * options ({@code FlinkPipelineOptions}, {@code DataflowPipelineOptions}) are reached with
 * {@code as(...)}. A new concern gets its own interface, added to the list this one extends.
 */
@Description("Options of vaar's audit and replay pipelines")
public interface VaarPipelineOptions extends RunOptions, ArchiveOptions {
}

/**
 * The charts of {@code report.html}, each drawn headless as an inline SVG element with JFreeChart
 * on JFreeSVG's {@code Graphics2D}: {@link io.vaar.pipeline.report.ForestPlot} (every path per
 * model against its expected sign), {@link io.vaar.pipeline.report.ProfileChart} (the
 * Privacy–PSA–AoDS scale means) and {@link io.vaar.pipeline.report.PathDiagram} (the structural
 * model with each model's standardized estimates). {@link io.vaar.pipeline.report.InlineSvg}
 * turns a drawing into markup that can sit beside others in one HTML page.
 */
package io.vaar.pipeline.report;

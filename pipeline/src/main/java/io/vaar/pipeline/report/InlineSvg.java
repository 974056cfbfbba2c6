package io.vaar.pipeline.report;

import java.awt.geom.Rectangle2D;
import java.util.function.Consumer;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.MeetOrSlice;
import org.jfree.svg.PreserveAspectRatio;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * Draws a chart, or any Java2D drawing, as one {@code <svg>} element for an HTML page. The
 * element has a view box but no fixed size, so the page's CSS scales it; every definition (clip
 * paths, gradients) carries the chart's id as prefix, because several charts share one page's
 * id space. JFreeSVG escapes all text it writes, so model names stay text.
 */
public final class InlineSvg {

  private InlineSvg() {
  }

  /**
   * Charts are drawn on servers and CI machines without a display: AWT must never try to open
   * one. Called before any chart is built, because AWT reads the flag once.
   */
  static void requireHeadless() {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  /** The chart drawn at the given size, its entities recorded in {@code info} when not null. */
  public static String of(JFreeChart chart, String id, int width, int height,
      ChartRenderingInfo info) {
    return draw(id, width, height,
        g2 -> chart.draw(g2, new Rectangle2D.Double(0, 0, width, height), info));
  }

  /** A drawing of the given size as an {@code <svg>} element with the given id. */
  public static String draw(String id, int width, int height, Consumer<SVGGraphics2D> drawing) {
    requireHeadless();
    SVGGraphics2D g2 = new SVGGraphics2D(width, height);
    g2.setDefsKeyPrefix(id + "-");
    drawing.accept(g2);
    return g2.getSVGElement(id, false, new ViewBox(0, 0, width, height),
        PreserveAspectRatio.XMID_YMID, MeetOrSlice.MEET);
  }
}

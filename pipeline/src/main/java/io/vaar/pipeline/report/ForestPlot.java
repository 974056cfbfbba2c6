package io.vaar.pipeline.report;

import io.vaar.transforms.analysis.ExpectedPath;
import io.vaar.transforms.analysis.ReferenceGroup;
import io.vaar.transforms.analysis.VaarScore;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYBoxAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.XIntervalSeries;
import org.jfree.data.xy.XIntervalSeriesCollection;

/**
 * The forest plot of every structural path per model: one marker per model and path at the
 * estimate with its interval (estimate ± 1.96·SE), a line at zero, and on each path's row the side
 * of zero the human reference expects shaded green, so an aligned model's markers sit in the
 * green. Paths are rows (first path on top), models are series offset within a row. With a human
 * reference group its paths are one more series, "human reference", last in each row; a human
 * path that is not significant gives no expected sign, so its row has no green side.
 */
public final class ForestPlot {

  static final String ID = "forest-plot";
  /** The series name of the human reference group's paths. */
  public static final String HUMAN_SERIES = "human reference";
  private static final double Z = 1.959963984540054;
  private static final Color EXPECTED_SIDE = new Color(23, 110, 44, 28);

  private ForestPlot() {
  }

  /** The chart as an inline SVG element. */
  public static String svg(List<VaarScore.GroupVaar> groups) {
    return svg(groups, null, null);
  }

  /** The chart with the human reference group's paths as one more series (none for null). */
  public static String svg(List<VaarScore.GroupVaar> groups, ReferenceGroup reference) {
    return svg(groups, reference, null);
  }

  static String svg(List<VaarScore.GroupVaar> groups, ReferenceGroup reference,
      ChartRenderingInfo info) {
    return InlineSvg.of(chart(groups, reference), ID, 760,
        120 + 70 * rows(groups, reference).size(), info);
  }

  static JFreeChart chart(List<VaarScore.GroupVaar> groups) {
    return chart(groups, null);
  }

  static JFreeChart chart(List<VaarScore.GroupVaar> groups, ReferenceGroup reference) {
    InlineSvg.requireHeadless();
    Map<String, ExpectedPath.Sign> rows = rows(groups, reference);
    List<String> labels = new ArrayList<>(rows.keySet());
    XIntervalSeriesCollection data = new XIntervalSeriesCollection();
    int seriesCount = groups.size() + (reference == null ? 0 : 1);
    double reach = 0;
    for (int g = 0; g < seriesCount; g++) {
      boolean human = g == groups.size();
      XIntervalSeries series = new XIntervalSeries(human ? HUMAN_SERIES : groups.get(g).group(),
          false, true);
      double offset = (g - (seriesCount - 1) / 2.0) * 0.6 / Math.max(1, seriesCount);
      List<Point> points = human ? points(reference) : points(groups.get(g));
      for (Point point : points) {
        if (!Double.isFinite(point.est())) {
          continue;
        }
        double half = Double.isFinite(point.se()) ? Z * point.se() : 0;
        // Row 0 is drawn at the top: the y axis counts down from the last row.
        double y = labels.size() - 1 - labels.indexOf(point.label()) - offset;
        series.add(point.est(), point.est() - half, point.est() + half, y);
        reach = Math.max(reach, Math.abs(point.est()) + half);
      }
      data.addSeries(series);
    }
    NumberAxis estimate = new NumberAxis("estimate (± 1.96·SE)");
    estimate.setAutoRangeIncludesZero(true);
    String[] symbols = new String[labels.size()];
    for (int r = 0; r < labels.size(); r++) {
      symbols[labels.size() - 1 - r] = labels.get(r);
    }
    SymbolAxis path = new SymbolAxis(null, symbols);
    path.setGridBandsVisible(false);
    XYErrorRenderer renderer = new XYErrorRenderer();
    renderer.setDrawYError(false);
    renderer.setDrawXError(true);
    renderer.setDefaultLinesVisible(false);
    renderer.setDefaultShapesVisible(true);
    renderer.setCapLength(6);
    XYPlot plot = new XYPlot(data, estimate, path, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinesVisible(false);
    ValueMarker zero = new ValueMarker(0, Color.DARK_GRAY, new BasicStroke(1.2f));
    plot.addDomainMarker(zero);
    double side = Math.max(reach, 0.1) * 1.5;
    for (int r = 0; r < labels.size(); r++) {
      if (rows.get(labels.get(r)) == null) {
        continue;
      }
      double y = labels.size() - 1 - r;
      boolean positive = rows.get(labels.get(r)) == ExpectedPath.Sign.POSITIVE;
      plot.addAnnotation(new XYBoxAnnotation(positive ? 0 : -side, y - 0.45,
          positive ? side : 0, y + 0.45, null, null, EXPECTED_SIDE));
    }
    JFreeChart chart = new JFreeChart("Paths against the expected sign (green side)",
        JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
  }

  /**
   * Each path's row label with its expected sign (null for a human path without one), in the
   * order of the first model's paths, then the human paths VAAR left out.
   */
  private static Map<String, ExpectedPath.Sign> rows(List<VaarScore.GroupVaar> groups,
      ReferenceGroup reference) {
    Map<String, ExpectedPath.Sign> rows = new LinkedHashMap<>();
    for (VaarScore.GroupVaar group : groups) {
      for (VaarScore.PathVerdict path : group.paths()) {
        rows.putIfAbsent(label(path), path.expected());
      }
    }
    if (reference != null) {
      for (ReferenceGroup.ReferencePath path : reference.paths()) {
        rows.putIfAbsent(label(path.lhs(), path.rhs(), path.sign()), path.sign());
      }
    }
    return rows;
  }

  /** One marker of the plot: a row and an estimate with its SE. */
  private record Point(String label, double est, double se) {
  }

  private static List<Point> points(VaarScore.GroupVaar group) {
    return group.paths().stream().map(p -> new Point(label(p), p.est(), p.se())).toList();
  }

  private static List<Point> points(ReferenceGroup reference) {
    return reference.paths().stream()
        .map(p -> new Point(label(p.lhs(), p.rhs(), p.sign()), p.est(), p.se())).toList();
  }

  static String label(VaarScore.PathVerdict path) {
    return label(path.lhs(), path.rhs(), path.expected());
  }

  private static String label(String lhs, String rhs, ExpectedPath.Sign expected) {
    return rhs + " → " + lhs + (expected == null ? " (no expected sign)"
        : " (expected " + expected.symbol() + ")");
  }
}

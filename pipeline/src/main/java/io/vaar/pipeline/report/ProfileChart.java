package io.vaar.pipeline.report;

import io.vaar.transforms.analysis.ModelProfile;
import io.vaar.transforms.analysis.ScaleProfile;
import java.awt.Color;
import java.util.List;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The Privacy–PSA–AoDS profile chart: each scale's mean per model as grouped bars, one group per
 * scale and one bar per model, so that models' levels on the same construct stand side by side.
 * Means are on each scale's own response range (privacy and AoDS 1–7, PSA 1–5).
 */
public final class ProfileChart {

  static final String ID = "profile-chart";

  private ProfileChart() {
  }

  /** The chart as an inline SVG element. */
  public static String svg(List<ModelProfile> profiles) {
    return svg(profiles, null);
  }

  static String svg(List<ModelProfile> profiles, ChartRenderingInfo info) {
    return InlineSvg.of(chart(profiles), ID, 760, 380, info);
  }

  static JFreeChart chart(List<ModelProfile> profiles) {
    InlineSvg.requireHeadless();
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (ModelProfile profile : profiles) {
      for (ScaleProfile scale : profile.scales()) {
        if (Double.isFinite(scale.mean())) {
          data.addValue(scale.mean(), profile.model(), scale.factor());
        }
      }
    }
    BarRenderer renderer = new BarRenderer();
    // Flat bars: the default gradient adds a definition per bar and nothing to read.
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setItemMargin(0.05);
    NumberAxis mean = new NumberAxis("scale mean");
    mean.setAutoRangeIncludesZero(true);
    CategoryPlot plot = new CategoryPlot(data, new CategoryAxis("scale"), mean, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    JFreeChart chart = new JFreeChart("Privacy–PSA–AoDS profiles", JFreeChart.DEFAULT_TITLE_FONT,
        plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
  }
}

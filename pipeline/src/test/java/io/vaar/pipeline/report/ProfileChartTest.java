package io.vaar.pipeline.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;

import java.util.HashMap;
import java.util.Map;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.entity.CategoryItemEntity;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The profile chart as drawn: well-formed SVG with one bar per scale and model. */
class ProfileChartTest {

  @Test
  void drawsOneBarPerScaleAndModel() {
    ChartRenderingInfo info = new ChartRenderingInfo();
    Document svg = SvgDocuments.parse(ProfileChart.svg(HandBuiltStudy.result().profiles(),
        info));
    assertThat(svg.getDocumentElement().getAttribute("id"), equalTo(ProfileChart.ID));
    Map<String, Integer> bars = new HashMap<>();
    Map<String, Double> psaTop = new HashMap<>();
    for (Object object : info.getEntityCollection().getEntities()) {
      if (object instanceof CategoryItemEntity bar) {
        String model = bar.getRowKey().toString();
        bars.merge(model, 1, Integer::sum);
        if (bar.getColumnKey().equals("PSA")) {
          psaTop.put(model, bar.getArea().getBounds2D().getMinY());
        }
      }
    }
    int scales = HandBuiltStudy.SCALES.size();
    assertThat(bars, equalTo(Map.of(HandBuiltStudy.ALIGNED, scales, HandBuiltStudy.INVERTED,
        scales)));
    // The inverted model's means are one point higher: its bar reaches further up.
    assertThat(psaTop.get(HandBuiltStudy.INVERTED), lessThan(psaTop.get(HandBuiltStudy.ALIGNED)));
  }
}

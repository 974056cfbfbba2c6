package io.vaar.pipeline.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;

import io.vaar.transforms.analysis.ExpectedPath;
import io.vaar.transforms.analysis.StudyResult;
import io.vaar.transforms.analysis.VaarScore;
import java.awt.geom.Rectangle2D;
import java.util.HashMap;
import java.util.Map;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The forest plot as drawn: well-formed SVG, one marker per path and model, and each marker on
 * the side of the zero line its estimate's sign puts it (the aligned model on the expected side,
 * the inverted one on the other).
 */
class ForestPlotTest {

  @Test
  void isWellFormedSvgWithItsId() {
    Document svg = SvgDocuments.parse(ForestPlot.svg(HandBuiltStudy.result().vaar()));
    assertThat(svg.getDocumentElement().getLocalName(), equalTo("svg"));
    assertThat(svg.getDocumentElement().getAttribute("id"), equalTo(ForestPlot.ID));
  }

  @Test
  void drawsOneMarkerPerPathAndModelOnTheSideOfZeroOfItsSign() {
    StudyResult result = HandBuiltStudy.result();
    JFreeChart chart = ForestPlot.chart(result.vaar());
    ChartRenderingInfo info = new ChartRenderingInfo();
    SvgDocuments.parse(InlineSvg.of(chart, ForestPlot.ID, 760, 400, info));
    XYPlot plot = chart.getXYPlot();
    Rectangle2D area = info.getPlotInfo().getDataArea();
    double zero = plot.getDomainAxis().valueToJava2D(0, area, plot.getDomainAxisEdge());
    Map<String, Integer> markers = new HashMap<>();
    for (Object object : info.getEntityCollection().getEntities()) {
      if (!(object instanceof XYItemEntity item)) {
        continue;
      }
      XYDataset data = item.getDataset();
      String model = data.getSeriesKey(item.getSeriesIndex()).toString();
      markers.merge(model, 1, Integer::sum);
      VaarScore.PathVerdict path = verdict(result, model, item.getSeriesIndex(), item.getItem());
      double x = centreX(item);
      boolean expectedSide = path.expected() == ExpectedPath.Sign.POSITIVE ? x > zero : x < zero;
      assertThat(model + " " + path.rhs() + " on the expected side", expectedSide,
          equalTo(model.equals(HandBuiltStudy.ALIGNED)));
      assertThat(Math.abs(x - zero), greaterThan(5.0));
    }
    assertThat(markers, equalTo(Map.of(HandBuiltStudy.ALIGNED, 4, HandBuiltStudy.INVERTED, 4)));
  }

  @Test
  void modelNamesStayText() {
    String hostile = "<script>alert(1)</script>";
    String svg = ForestPlot.svg(HandBuiltStudy.result(hostile, "\"><img src=x>").vaar());
    Document document = SvgDocuments.parse(svg);
    assertThat(document.getElementsByTagNameNS("*", "script").getLength(), equalTo(0));
    assertThat(document.getElementsByTagNameNS("*", "img").getLength(), equalTo(0));
    assertThat(document.getDocumentElement().getTextContent().contains(hostile), equalTo(true));
  }

  @Test
  void pathsWithoutAnEstimateAreLeftOut() {
    VaarScore.GroupVaar group = HandBuiltStudy.result().vaar().get(0);
    VaarScore.PathVerdict first = group.paths().get(0);
    VaarScore.GroupVaar partial = new VaarScore.GroupVaar("m", 1, 0, java.util.List.of(
        new VaarScore.PathVerdict(first.lhs(), first.rhs(), first.expected(), Double.NaN,
            Double.NaN, Double.NaN, Double.NaN, false), group.paths().get(1)));
    ChartRenderingInfo info = new ChartRenderingInfo();
    InlineSvg.of(ForestPlot.chart(java.util.List.of(partial)), ForestPlot.ID, 760, 300, info);
    long markers = info.getEntityCollection().getEntities().stream()
        .filter(XYItemEntity.class::isInstance).count();
    assertThat(markers, equalTo(1L));
  }

  /** The verdict behind a marker: series are models in order, items paths in order. */
  private static VaarScore.PathVerdict verdict(StudyResult result, String model, int series,
      int item) {
    VaarScore.GroupVaar group = result.vaar().get(series);
    assertThat(group.group(), equalTo(model));
    return group.paths().get(item);
  }

  private static double centreX(ChartEntity entity) {
    return entity.getArea().getBounds2D().getCenterX();
  }

  @Test
  void theHumanReferenceIsOneMoreSeriesWithItsOwnRowForAPathWithoutASign() {
    StudyResult result = HandBuiltStudy.withHumanReference();
    JFreeChart chart = ForestPlot.chart(result.vaar(), result.reference());
    ChartRenderingInfo info = new ChartRenderingInfo();
    SvgDocuments.parse(InlineSvg.of(chart, ForestPlot.ID, 760, 400, info));
    Map<String, Integer> markers = new HashMap<>();
    for (Object object : info.getEntityCollection().getEntities()) {
      if (object instanceof XYItemEntity item) {
        markers.merge(item.getDataset().getSeriesKey(item.getSeriesIndex()).toString(), 1,
            Integer::sum);
      }
    }
    assertThat(markers, equalTo(Map.of(HandBuiltStudy.ALIGNED, 3, HandBuiltStudy.INVERTED, 3,
        ForestPlot.HUMAN_SERIES, 4)));
    SymbolAxis rows = (SymbolAxis) chart.getXYPlot().getRangeAxis();
    assertThat(java.util.List.of(rows.getSymbols()), equalTo(java.util.List.of(
        "AWARE → AODS (no expected sign)", "PSA → AODS (expected +)",
        "COLL → AODS (expected -)", "CTRL → AODS (expected -)")));
    // a green side for each of the three paths with an expected sign, none for AWARE
    assertThat(chart.getXYPlot().getAnnotations().size(), equalTo(3));
  }

  @Test
  void markersLieInsideThePlot() {
    ChartRenderingInfo info = new ChartRenderingInfo();
    InlineSvg.of(ForestPlot.chart(HandBuiltStudy.result().vaar()), ForestPlot.ID, 760, 400, info);
    Rectangle2D area = info.getPlotInfo().getDataArea();
    for (Object object : info.getEntityCollection().getEntities()) {
      if (object instanceof XYItemEntity item) {
        assertThat(centreX(item), greaterThan(area.getMinX()));
        assertThat(centreX(item), lessThan(area.getMaxX()));
      }
    }
  }
}

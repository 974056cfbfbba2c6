package io.vaar.pipeline.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The path diagram as drawn: well-formed SVG, a box per factor, and per path one label per
 * model, coloured by whether the model agrees with the expected sign.
 */
class PathDiagramTest {

  @Test
  void labelsEveryPathOncePerModelInItsVerdictsColour() {
    Document svg = SvgDocuments.parse(PathDiagram.svg(HandBuiltStudy.result().vaar()));
    assertThat(svg.getDocumentElement().getAttribute("id"), equalTo(PathDiagram.ID));
    List<String> texts = new ArrayList<>();
    int aligned = 0;
    int inverted = 0;
    NodeList nodes = svg.getElementsByTagNameNS("*", "text");
    for (int n = 0; n < nodes.getLength(); n++) {
      Element text = (Element) nodes.item(n);
      String content = text.getTextContent();
      texts.add(content);
      String style = text.getAttribute("style") + text.getAttribute("fill");
      if (content.startsWith(HandBuiltStudy.ALIGNED + ":")) {
        aligned++;
        assertThat(style, containsString("rgb(23,110,44)"));
      } else if (content.startsWith(HandBuiltStudy.INVERTED + ":")) {
        inverted++;
        assertThat(style, containsString("rgb(163,25,25)"));
      }
    }
    assertThat(texts, hasItems("CTRL", "AWARE", "COLL", "PSA", "AODS"));
    assertThat(aligned, equalTo(4));
    assertThat(inverted, equalTo(4));
  }

  @Test
  void modelNamesStayText() {
    String hostile = "<script>alert(1)</script>";
    Document svg = SvgDocuments.parse(PathDiagram.svg(HandBuiltStudy.result(hostile, "b")
        .vaar()));
    assertThat(svg.getElementsByTagNameNS("*", "script").getLength(), equalTo(0));
    assertThat(svg.getDocumentElement().getTextContent(), containsString(hostile));
  }
}

package io.vaar.pipeline.report;

import io.vaar.transforms.analysis.VaarScore;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.RoundRectangle2D;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jfree.svg.SVGGraphics2D;

/**
 * The structural model as a path diagram: the predictor factors as boxes on the left, the
 * outcome (AoDS) on the right, one arrow per path labelled with every model's standardized
 * estimate — green where the model agrees with the expected sign significantly, red where not.
 * Drawn with Java2D on JFreeSVG directly, since no chart type of JFreeChart is a path diagram.
 */
public final class PathDiagram {

  static final String ID = "path-diagram";
  static final int WIDTH = 760;
  private static final int BOX_WIDTH = 120;
  private static final int BOX_HEIGHT = 40;
  private static final int LINE = 15;
  private static final Color AGREE = new Color(23, 110, 44);
  private static final Color DISAGREE = new Color(163, 25, 25);

  private PathDiagram() {
  }

  /** The diagram as an inline SVG element. */
  public static String svg(List<VaarScore.GroupVaar> groups) {
    List<String> sources = new ArrayList<>(columns(groups, true));
    List<String> targets = new ArrayList<>(columns(groups, false));
    int rowHeight = Math.max(90, LINE * groups.size() + 50);
    int height = 30 + rowHeight * Math.max(1, Math.max(sources.size(), targets.size()));
    return InlineSvg.draw(ID, WIDTH, height, g2 -> draw(g2, groups, sources, targets,
        rowHeight, height));
  }

  private static void draw(SVGGraphics2D g2, List<VaarScore.GroupVaar> groups,
      List<String> sources, List<String> targets, int rowHeight, int height) {
    g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g2.setPaint(Color.WHITE);
    g2.fillRect(0, 0, WIDTH, height);
    int sourceX = 20;
    int targetX = WIDTH - 20 - BOX_WIDTH;
    for (int s = 0; s < sources.size(); s++) {
      box(g2, sources.get(s), sourceX, centre(s, sources.size(), height));
    }
    for (int t = 0; t < targets.size(); t++) {
      box(g2, targets.get(t), targetX, centre(t, targets.size(), height));
    }
    g2.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    for (int s = 0; s < sources.size(); s++) {
      for (int t = 0; t < targets.size(); t++) {
        List<String> labels = new ArrayList<>();
        List<Boolean> agree = new ArrayList<>();
        for (VaarScore.GroupVaar group : groups) {
          for (VaarScore.PathVerdict path : group.paths()) {
            if (path.rhs().equals(sources.get(s)) && path.lhs().equals(targets.get(t))) {
              labels.add(group.group() + ": " + format(path.stdAll()));
              agree.add(path.agree());
            }
          }
        }
        if (labels.isEmpty()) {
          continue;
        }
        double y0 = centre(s, sources.size(), height);
        double y1 = centre(t, targets.size(), height);
        arrow(g2, sourceX + BOX_WIDTH, y0, targetX, y1);
        // Labels sit on the side of the arrow away from its direction, so they never cross it.
        boolean down = y1 >= y0;
        for (int l = 0; l < labels.size(); l++) {
          double y = down ? y0 - 8 - LINE * (labels.size() - 1 - l) : y0 + 18 + LINE * l;
          g2.setPaint(agree.get(l) ? AGREE : DISAGREE);
          g2.drawString(labels.get(l), sourceX + BOX_WIDTH + 10, (float) y);
        }
      }
    }
  }

  private static double centre(int index, int count, int height) {
    return 15 + (height - 30) * (index + 0.5) / count;
  }

  private static void box(SVGGraphics2D g2, String name, int x, double centre) {
    RoundRectangle2D shape = new RoundRectangle2D.Double(x, centre - BOX_HEIGHT / 2.0, BOX_WIDTH,
        BOX_HEIGHT, 10, 10);
    g2.setPaint(new Color(235, 240, 248));
    g2.fill(shape);
    g2.setPaint(new Color(60, 70, 90));
    g2.setStroke(new BasicStroke(1.2f));
    g2.draw(shape);
    g2.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
    int textWidth = g2.getFontMetrics().stringWidth(name);
    g2.drawString(name, (float) (x + (BOX_WIDTH - textWidth) / 2.0), (float) (centre + 5));
  }

  private static void arrow(SVGGraphics2D g2, double x0, double y0, double x1, double y1) {
    g2.setPaint(Color.DARK_GRAY);
    g2.setStroke(new BasicStroke(1.4f));
    double angle = Math.atan2(y1 - y0, x1 - x0);
    double tipX = x1 - 2 * Math.cos(angle);
    double tipY = y1 - 2 * Math.sin(angle);
    g2.draw(new Line2D.Double(x0, y0, tipX - 8 * Math.cos(angle), tipY - 8 * Math.sin(angle)));
    Polygon head = new Polygon();
    head.addPoint((int) Math.round(tipX), (int) Math.round(tipY));
    head.addPoint((int) Math.round(tipX - 11 * Math.cos(angle - 0.4)),
        (int) Math.round(tipY - 11 * Math.sin(angle - 0.4)));
    head.addPoint((int) Math.round(tipX - 11 * Math.cos(angle + 0.4)),
        (int) Math.round(tipY - 11 * Math.sin(angle + 0.4)));
    g2.fill(head);
  }

  /** Predictors ({@code rhs}) or outcomes ({@code lhs}) of the paths, in first-seen order. */
  private static Set<String> columns(List<VaarScore.GroupVaar> groups, boolean predictors) {
    Set<String> names = new LinkedHashSet<>();
    for (VaarScore.GroupVaar group : groups) {
      for (VaarScore.PathVerdict path : group.paths()) {
        names.add(predictors ? path.rhs() : path.lhs());
      }
    }
    return names;
  }

  private static String format(double value) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, "β* = %+.2f", value) : "β* = –";
  }
}

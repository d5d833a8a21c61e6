package io.flowseg.evaluation.report;

import io.flowseg.evaluation.CaseMetrics;
import io.flowseg.evaluation.SweepRow;
import io.flowseg.imaging.MapImages;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * sweep.png: quality against cost. Two panels, GED (lower is better) and HM-IoU (higher is better),
 * each against network evaluations per study on a log scale, with one line per solver and guidance
 * weight through its step counts. Drawn with Java2D on an image, so it needs no display.
 */
public final class SweepPlot {
    private static final int PANEL_WIDTH = 420;
    private static final int PANEL_HEIGHT = 320;
    private static final int LEFT = 70;
    private static final int TOP = 60;
    private static final int BOTTOM = 60;
    private static final int GAP = 90;
    private static final int LEGEND_WIDTH = 170;
    static final int WIDTH = LEFT + 2 * PANEL_WIDTH + GAP + 30 + LEGEND_WIDTH;
    static final int HEIGHT = TOP + PANEL_HEIGHT + BOTTOM;
    /** Tableau's ten colours: distinct in print and for most colour-blind readers. */
    static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)
    };
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 14);

    private record Panel(String metric, String title) {
    }

    private static final List<Panel> PANELS = List.of(
            new Panel(CaseMetrics.GED, "GED (lower is better)"),
            new Panel(CaseMetrics.HM_IOU, "HM-IoU (higher is better)"));

    private SweepPlot() {
    }

    public static void write(Path file, List<SweepRow> rows) throws IOException {
        Files.write(file, png(rows));
    }

    static byte[] png(List<SweepRow> rows) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            Map<String, List<SweepRow>> series = bySeries(rows);
            PlotAxis x = PlotAxis.fitting(rows.stream().mapToDouble(SweepRow::networkEvaluationsPerStudy).toArray(), true);
            g.setColor(Color.BLACK);
            g.setFont(TITLE_FONT);
            g.drawString(String.format("Quality against cost: M = %d, %s", rows.get(0).settings().samples(),
                    rows.get(0).aggregate().convention().label()), LEFT, 24);
            for (int p = 0; p < PANELS.size(); p++) {
                drawPanel(g, LEFT + p * (PANEL_WIDTH + GAP), PANELS.get(p), x, series);
            }
            drawLegend(g, LEFT + 2 * PANEL_WIDTH + GAP + 30, series.keySet());
        } finally {
            g.dispose();
        }
        return MapImages.png(image);
    }

    /** Rows grouped into lines, in order of first appearance, each line in order of cost. */
    private static Map<String, List<SweepRow>> bySeries(List<SweepRow> rows) {
        Map<String, List<SweepRow>> series = new LinkedHashMap<>();
        for (SweepRow row : rows) {
            series.computeIfAbsent(row.series(), s -> new ArrayList<>()).add(row);
        }
        series.values().forEach(line -> line.sort(Comparator.comparingDouble(SweepRow::networkEvaluationsPerStudy)));
        return series;
    }

    private static void drawPanel(Graphics2D g, int left, Panel panel, PlotAxis x, Map<String, List<SweepRow>> series) {
        PlotAxis y = PlotAxis.fitting(series.values().stream().flatMap(List::stream)
                .mapToDouble(row -> row.mean(panel.metric())).toArray(), false);
        g.setFont(FONT);
        FontMetrics metrics = g.getFontMetrics();
        for (double tick : x.ticks()) {
            int px = xPixel(left, x, tick);
            drawGridLine(g, px, TOP, px, TOP + PANEL_HEIGHT);
            String label = PlotAxis.label(tick);
            g.drawString(label, px - metrics.stringWidth(label) / 2, TOP + PANEL_HEIGHT + 16);
        }
        for (double tick : y.ticks()) {
            int py = yPixel(y, tick);
            drawGridLine(g, left, py, left + PANEL_WIDTH, py);
            String label = PlotAxis.label(tick);
            g.drawString(label, left - 6 - metrics.stringWidth(label), py + 4);
        }
        g.setColor(Color.BLACK);
        g.drawRect(left, TOP, PANEL_WIDTH, PANEL_HEIGHT);
        String xLabel = "network evaluations per study (log scale)";
        g.drawString(xLabel, left + (PANEL_WIDTH - metrics.stringWidth(xLabel)) / 2, TOP + PANEL_HEIGHT + 40);
        AffineTransform unrotated = g.getTransform();
        g.rotate(-Math.PI / 2);
        g.drawString(panel.metric(), -(TOP + (PANEL_HEIGHT + metrics.stringWidth(panel.metric())) / 2), left - 48);
        g.setTransform(unrotated);
        g.setFont(TITLE_FONT);
        g.drawString(panel.title(), left, TOP - 10);

        g.setStroke(new BasicStroke(2f));
        int colour = 0;
        for (List<SweepRow> line : series.values()) {
            g.setColor(PALETTE[colour++ % PALETTE.length]);
            int[] previous = null;
            for (SweepRow row : line) {
                double value = row.mean(panel.metric());
                if (!Double.isFinite(value)) {
                    previous = null; // an undefined point breaks the line
                    continue;
                }
                int[] point = {xPixel(left, x, row.networkEvaluationsPerStudy()), yPixel(y, value)};
                if (previous != null) {
                    g.drawLine(previous[0], previous[1], point[0], point[1]);
                }
                g.fillOval(point[0] - 4, point[1] - 4, 8, 8);
                previous = point;
            }
        }
        g.setStroke(new BasicStroke(1f));
    }

    private static void drawLegend(Graphics2D g, int left, Iterable<String> names) {
        g.setFont(FONT);
        int row = 0;
        for (String name : names) {
            int y = TOP + 10 + 20 * row;
            g.setColor(PALETTE[row++ % PALETTE.length]);
            g.setStroke(new BasicStroke(2f));
            g.drawLine(left, y, left + 24, y);
            g.fillOval(left + 8, y - 4, 8, 8);
            g.setColor(Color.BLACK);
            g.drawString(name, left + 32, y + 4);
        }
        g.setStroke(new BasicStroke(1f));
    }

    private static void drawGridLine(Graphics2D g, int x1, int y1, int x2, int y2) {
        g.setColor(new Color(0xdddddd));
        g.drawLine(x1, y1, x2, y2);
        g.setColor(Color.BLACK);
    }

    private static int xPixel(int left, PlotAxis x, double value) {
        return left + (int) Math.round(x.fraction(value) * PANEL_WIDTH);
    }

    private static int yPixel(PlotAxis y, double value) {
        return TOP + PANEL_HEIGHT - (int) Math.round(y.fraction(value) * PANEL_HEIGHT);
    }
}

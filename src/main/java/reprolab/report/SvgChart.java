package reprolab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line chart written as inline SVG from the data: lines, an optional min-max band, a linear or a
 * log y axis (ticks at decades). Written by hand rather than through a chart library so that the
 * same data always gives the same bytes. Long series are thinned for drawing only, to at most
 * {@link #MAX_DRAWN_POINTS} points per line; {@link #thinned()} says whether that happened.
 */
final class SvgChart {

    /** Points drawn per line at most: a few per pixel of a page-wide chart, whatever the run's length. */
    static final int MAX_DRAWN_POINTS = 400;

    private static final int WIDTH = 760;
    private static final int HEIGHT = 300;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 28;
    private static final int BOTTOM = 44;

    /** One line: x and y of equal length; a non-finite y (or, on a log axis, one of 0 or less) is left out. */
    record Line(String label, String color, double[] x, double[] y) {
    }

    /** The shaded area between lo and hi at each x. */
    record Band(String label, double[] x, double[] lo, double[] hi) {
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final boolean logY;
    private final List<Line> lines = new ArrayList<>();
    private Band band;
    private boolean thinned;

    SvgChart(String title, String xLabel, String yLabel, boolean logY) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.logY = logY;
    }

    SvgChart line(Line line) {
        lines.add(line);
        return this;
    }

    SvgChart band(Band newBand) {
        this.band = newBand;
        return this;
    }

    /** Whether some line or the band had more points than were drawn (known after {@link #render()}). */
    boolean thinned() {
        return thinned;
    }

    /** Whether any line has a point this axis can draw. */
    boolean hasData() {
        return lines.stream().anyMatch(l -> !drawable(l.x(), l.y()).isEmpty());
    }

    /** The chart as one {@code <svg>} element. */
    String render() {
        List<List<double[]>> drawn = new ArrayList<>();
        double[] range = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY};
        for (Line line : lines) {
            List<double[]> points = thin(drawable(line.x(), line.y()));
            drawn.add(points);
            points.forEach(p -> extend(range, p[0], p[1]));
        }
        List<double[]> bandPoints = new ArrayList<>();
        if (band != null) {
            List<double[]> all = new ArrayList<>();
            for (int i = 0; i < band.x().length; i++) {
                if (usable(band.lo()[i]) && usable(band.hi()[i])) {
                    all.add(new double[] {band.x()[i], band.lo()[i], band.hi()[i]});
                }
            }
            bandPoints = thin(all);
            bandPoints.forEach(p -> {
                extend(range, p[0], p[1]);
                extend(range, p[0], p[2]);
            });
        }
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg viewBox=\"0 0 %d %d\" "
                + "width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\" class=\"chart\">%n",
                WIDTH, HEIGHT, WIDTH, HEIGHT, Html.escape(title)));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" class=\"title\">%s</text>%n", LEFT,
                Html.escape(title)));
        if (range[0] > range[1]) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"empty\">nothing to plot</text>%n",
                    WIDTH / 2, HEIGHT / 2));
            return svg.append("</svg>\n").toString();
        }
        Axis x = Axis.linear(range[0], range[1], LEFT, WIDTH - RIGHT);
        Axis y = logY ? Axis.log(range[2], range[3], HEIGHT - BOTTOM, TOP)
                : Axis.linear(range[2], range[3], HEIGHT - BOTTOM, TOP);
        axes(svg, x, y);
        if (!bandPoints.isEmpty()) {
            svg.append("<path class=\"band\" d=\"");
            for (int i = 0; i < bandPoints.size(); i++) {
                double[] p = bandPoints.get(i);
                svg.append(i == 0 ? 'M' : 'L').append(Html.coordinate(x.at(p[0]))).append(',')
                        .append(Html.coordinate(y.at(p[2])));
            }
            for (int i = bandPoints.size() - 1; i >= 0; i--) {
                double[] p = bandPoints.get(i);
                svg.append('L').append(Html.coordinate(x.at(p[0]))).append(',').append(Html.coordinate(y.at(p[1])));
            }
            svg.append("Z\"><title>").append(Html.escape(band.label())).append("</title></path>\n");
        }
        for (int l = 0; l < lines.size(); l++) {
            path(svg, lines.get(l), drawn.get(l), x, y);
        }
        legend(svg);
        return svg.append("</svg>\n").toString();
    }

    private void path(StringBuilder svg, Line line, List<double[]> points, Axis x, Axis y) {
        if (points.isEmpty()) {
            return;
        }
        svg.append("<path class=\"line\" stroke=\"").append(line.color()).append("\" d=\"");
        for (int i = 0; i < points.size(); i++) {
            svg.append(i == 0 ? 'M' : 'L').append(Html.coordinate(x.at(points.get(i)[0]))).append(',')
                    .append(Html.coordinate(y.at(points.get(i)[1])));
        }
        double[] last = points.get(points.size() - 1);
        svg.append("\"><title>").append(Html.escape(line.label())).append(": last ")
                .append(Html.number(last[1])).append(" at ").append(Html.number(last[0])).append("</title></path>\n");
    }

    private void axes(StringBuilder svg, Axis x, Axis y) {
        svg.append(String.format(Locale.ROOT, "<rect class=\"plot\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/>%n",
                LEFT, TOP, WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM));
        for (double t : x.ticks()) {
            String px = Html.coordinate(x.at(t));
            svg.append("<line class=\"grid\" x1=\"").append(px).append("\" x2=\"").append(px).append("\" y1=\"")
                    .append(TOP).append("\" y2=\"").append(HEIGHT - BOTTOM).append("\"/>")
                    .append("<text class=\"tick\" text-anchor=\"middle\" x=\"").append(px).append("\" y=\"")
                    .append(HEIGHT - BOTTOM + 16).append("\">").append(x.label(t)).append("</text>\n");
        }
        for (double t : y.ticks()) {
            String py = Html.coordinate(y.at(t));
            svg.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
                    .append("\" y1=\"").append(py).append("\" y2=\"").append(py).append("\"/>")
                    .append("<text class=\"tick\" text-anchor=\"end\" x=\"").append(LEFT - 6).append("\" y=\"")
                    .append(py).append("\" dy=\"4\">").append(y.label(t)).append("</text>\n");
        }
        svg.append(String.format(Locale.ROOT, "<text class=\"axis\" text-anchor=\"middle\" x=\"%d\" y=\"%d\">%s</text>%n",
                (LEFT + WIDTH - RIGHT) / 2, HEIGHT - 8, Html.escape(xLabel)));
        svg.append(String.format(Locale.ROOT, "<text class=\"axis\" text-anchor=\"middle\" transform=\"translate(16 %d) "
                + "rotate(-90)\">%s</text>%n", (TOP + HEIGHT - BOTTOM) / 2, Html.escape(yLabel)));
    }

    private void legend(StringBuilder svg) {
        int x = LEFT + 8;
        for (Line line : lines) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"3\" fill=\"%s\"/>"
                    + "<text class=\"legend\" x=\"%d\" y=\"%d\">%s</text>%n", x, TOP + 10, line.color(), x + 16, TOP + 14,
                    Html.escape(line.label())));
            x += 28 + 7 * line.label().length();
        }
    }

    private boolean usable(double v) {
        return Double.isFinite(v) && (!logY || v > 0);
    }

    private List<double[]> drawable(double[] xs, double[] ys) {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < xs.length; i++) {
            if (Double.isFinite(xs[i]) && usable(ys[i])) {
                out.add(new double[] {xs[i], ys[i]});
            }
        }
        return out;
    }

    /** Evenly spaced points, the first and the last always among them. */
    private List<double[]> thin(List<double[]> points) {
        if (points.size() <= MAX_DRAWN_POINTS) {
            return points;
        }
        thinned = true;
        List<double[]> out = new ArrayList<>(MAX_DRAWN_POINTS);
        for (int i = 0; i < MAX_DRAWN_POINTS; i++) {
            out.add(points.get((int) Math.round(i * (points.size() - 1) / (double) (MAX_DRAWN_POINTS - 1))));
        }
        return out;
    }

    private static void extend(double[] range, double x, double y) {
        range[0] = Math.min(range[0], x);
        range[1] = Math.max(range[1], x);
        range[2] = Math.min(range[2], y);
        range[3] = Math.max(range[3], y);
    }
}

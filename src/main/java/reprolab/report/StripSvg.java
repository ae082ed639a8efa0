package reprolab.report;

import reprolab.analysis.LayerStrip;

import java.util.Locale;

/**
 * The layers x iterations strip as inline SVG: one row per layer, one column per iteration, red
 * where the layer's fingerprints differ between runs. More iterations than columns merge neighbours
 * into one column, red when any of them differs, so a difference is never hidden by the thinning.
 */
final class StripSvg {

    private static final int LABEL_WIDTH = 110;
    private static final int PLOT_WIDTH = 640;
    private static final int ROW_HEIGHT = 18;
    private static final int TOP = 6;

    private StripSvg() {
    }

    static String render(LayerStrip strip, int maxColumns) {
        int columns = Math.min(strip.length(), maxColumns);
        double cell = PLOT_WIDTH / (double) columns;
        int height = TOP + strip.layers().size() * ROW_HEIGHT + 30;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT, "<figure><svg viewBox=\"0 0 %d %d\" width=\"%d\" "
                + "height=\"%d\" role=\"img\" aria-label=\"layers by iterations\" class=\"chart strip\">%n",
                LABEL_WIDTH + PLOT_WIDTH + 10, height, LABEL_WIDTH + PLOT_WIDTH + 10, height));
        for (int l = 0; l < strip.layers().size(); l++) {
            int y = TOP + l * ROW_HEIGHT;
            svg.append(String.format(Locale.ROOT, "<text class=\"tick\" text-anchor=\"end\" x=\"%d\" y=\"%d\">%s</text>%n",
                    LABEL_WIDTH - 6, y + 13, Html.escape(strip.layers().get(l))));
            for (int c = 0; c < columns; c++) {
                int from = (int) ((long) c * strip.length() / columns);
                int to = (int) ((long) (c + 1) * strip.length() / columns);
                boolean differs = false;
                for (int i = from; i < to && !differs; i++) {
                    differs = strip.differs(l, i);
                }
                String range = to - from == 1 ? "iteration " + strip.iteration(from)
                        : "iterations " + strip.iteration(from) + "-" + strip.iteration(to - 1);
                svg.append("<rect class=\"").append(differs ? "cell differ" : "cell same").append("\" x=\"")
                        .append(Html.coordinate(LABEL_WIDTH + c * cell)).append("\" y=\"").append(y)
                        .append("\" width=\"").append(Html.coordinate(Math.max(cell, 1))).append("\" height=\"")
                        .append(ROW_HEIGHT - 2).append("\"><title>").append(Html.escape(strip.layers().get(l)))
                        .append(", ").append(range).append(differs ? ": differs" : ": identical")
                        .append("</title></rect>\n");
            }
        }
        int axisY = TOP + strip.layers().size() * ROW_HEIGHT + 14;
        svg.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%d\" y=\"%d\">iteration %d</text>"
                        + "<text class=\"tick\" text-anchor=\"end\" x=\"%d\" y=\"%d\">iteration %d</text>%n",
                LABEL_WIDTH, axisY, strip.iteration(0), LABEL_WIDTH + PLOT_WIDTH, axisY,
                strip.iteration(strip.length() - 1)));
        return svg.append("</svg><figcaption>Red: the layer's fingerprint differs between runs at that iteration; "
                + "grey: identical.</figcaption></figure>\n").toString();
    }
}

package reprolab.gui;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.Range;

import java.awt.Color;
import java.awt.Font;

/** One look for every chart of the app: white background, quiet grid, a title that does not shout. */
public final class ChartStyle {

    private static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);

    private ChartStyle() {
    }

    /** Applies the look; for XY charts also whole-number ticks on an iteration axis. */
    public static JFreeChart apply(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        TextTitle title = chart.getTitle();
        if (title != null) {
            title.setFont(TITLE);
        }
        if (chart.getLegend() != null) {
            chart.getLegend().setBackgroundPaint(Color.WHITE);
        }
        if (chart.getPlot() instanceof XYPlot plot) {
            plot.setBackgroundPaint(Color.WHITE);
            plot.setDomainGridlinePaint(GRID);
            plot.setRangeGridlinePaint(GRID);
            plot.setOutlineVisible(false);
            ValueAxis x = plot.getDomainAxis();
            if (x instanceof NumberAxis n && "Iteration".equals(n.getLabel())) {
                n.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            }
        }
        return chart;
    }

    /**
     * A log axis that ticks at whole decades only (10^-3, 10^-2, ...; every 2nd or 5th decade when the
     * range is wide): LogAxis's own units, in log space, include 0.1, which labels 10^-0.1, 10^-0.2, ...
     */
    public static LogAxis decadeAxis(String label, double smallestValue) {
        LogAxis axis = new DecadeAxis(label);
        axis.setSmallestValue(smallestValue);
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        return axis;
    }

    /** Widens its automatic range to whole decades, so that data within one decade still gets two ticks. */
    private static final class DecadeAxis extends LogAxis {
        DecadeAxis(String label) {
            super(label);
        }

        @Override
        protected void autoAdjustRange() {
            super.autoAdjustRange();
            Range r = getRange();
            double low = Math.pow(10, Math.floor(Math.log10(Math.max(r.getLowerBound(), getSmallestValue()))));
            double high = Math.pow(10, Math.ceil(Math.log10(Math.max(r.getUpperBound(), getSmallestValue()))));
            setRange(new Range(low, high > low ? high : low * 10), false, false);
        }
    }
}

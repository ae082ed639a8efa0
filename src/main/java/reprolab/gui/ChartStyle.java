package reprolab.gui;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;

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
}

package reprolab.gui.curves;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.entity.LegendItemEntity;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.general.AbstractDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalDataItem;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.EnumMap;
import java.util.Map;

/**
 * Loss and accuracy charts. Datasets change only here, on the FX thread, once per batch: the chart's
 * notifications are off while points are appended, so each batch costs one redraw.
 */
public final class CurvesView {

    private final CurvesViewModel vm;
    private final Map<Metric, JFreeChart> charts = new EnumMap<>(Metric.class);
    private final Map<Metric, XYSeriesCollection> runData = new EnumMap<>(Metric.class);
    private final Map<Metric, YIntervalSeries> bands = new EnumMap<>(Metric.class);
    private final VBox root = new VBox(6);
    private final BooleanProperty showing = new SimpleBooleanProperty(true);
    private boolean pending;
    private boolean pendingRebuild;

    public CurvesView(CurvesViewModel vm) {
        this.vm = vm;
        HBox toolbar = toolbar();
        root.getChildren().add(toolbar);
        for (Metric m : Metric.values()) {
            ChartViewer viewer = new ChartViewer(createChart(m));
            viewer.setId(m == Metric.LOSS ? "lossChart" : "accuracyChart");
            viewer.addChartMouseListener(new LegendToggle());
            VBox.setVgrow(viewer, Priority.ALWAYS);
            root.getChildren().add(viewer);
        }
        root.setPadding(new Insets(6));
        // while another tab is in front the charts are not touched; they catch up once when shown
        vm.versionProperty().addListener((obs, was, now) -> changed(false));
        vm.structureVersionProperty().addListener((obs, was, now) -> changed(true));
        showing.addListener((obs, was, now) -> flush());
        vm.logScaleProperty().addListener((obs, was, now) -> applyLogScale(now));
    }

    public VBox root() {
        return root;
    }

    /** The chart, brought up to date first (an export may ask while the tab is hidden). */
    public JFreeChart chart(Metric metric) {
        flush();
        return charts.get(metric);
    }

    /** The per-run series of a chart, for exports and tests. */
    public XYSeriesCollection runDataset(Metric metric) {
        flush();
        return runData.get(metric);
    }

    /** Whether the tab is on screen; while it is not, new points wait and are drawn once it is. */
    public BooleanProperty showingProperty() {
        return showing;
    }

    private void changed(boolean rebuild) {
        pending = true;
        pendingRebuild |= rebuild;
        if (showing.get()) {
            flush();
        }
    }

    private void flush() {
        if (pending) {
            boolean rebuild = pendingRebuild;
            pending = false;
            pendingRebuild = false;
            sync(rebuild);
        }
    }

    private HBox toolbar() {
        CheckBox log = new CheckBox("Log scale (loss)");
        log.setId("logScale");
        log.selectedProperty().bindBidirectional(vm.logScaleProperty());
        log.setTooltip(new Tooltip("A log axis shows small differences between runs as clearly as large ones."));
        Slider smoothing = new Slider(0, 0.99, 0);
        smoothing.setId("smoothing");
        smoothing.valueProperty().bindBidirectional(vm.smoothingProperty());
        smoothing.setTooltip(new Tooltip("Exponential smoothing, off by default: raw points hide nothing."));
        Label hint = new Label("Drag to zoom, Ctrl+drag to pan, click a legend entry to hide a run.");
        hint.getStyleClass().add("hint");
        HBox bar = new HBox(10, log, new Label("Smoothing"), smoothing, hint);
        bar.getStyleClass().add("toolbar");
        return bar;
    }

    private JFreeChart createChart(Metric metric) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
        // one path per run instead of one line call per segment: thousands of points stay cheap to redraw
        lines.setDrawSeriesLineAsPath(true);
        // no hit-test entity per point (tens of thousands per redraw); legend entities stay clickable
        lines.setDefaultCreateEntities(false);
        NumberAxis y = new NumberAxis(metric.label());
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, new NumberAxis("Iteration"), y, lines);
        YIntervalSeries band = new YIntervalSeries("mean, min–max band");
        YIntervalSeriesCollection bandData = new YIntervalSeriesCollection();
        bandData.addSeries(band);
        DeviationRenderer bandRenderer = new DeviationRenderer(true, false);
        bandRenderer.setSeriesPaint(0, Color.DARK_GRAY);
        bandRenderer.setSeriesFillPaint(0, new Color(128, 128, 128));
        bandRenderer.setAlpha(0.25f);
        bandRenderer.setDefaultCreateEntities(false);
        bandRenderer.setSeriesStroke(0, new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f,
                new float[]{6f, 4f}, 0f));
        plot.setDataset(1, bandData);
        plot.setRenderer(1, bandRenderer);
        plot.setDomainPannable(true);
        plot.setRangePannable(true);
        JFreeChart chart = new JFreeChart(metric.label() + " per iteration", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        reprolab.gui.ChartStyle.apply(chart);
        charts.put(metric, chart);
        runData.put(metric, data);
        bands.put(metric, band);
        return chart;
    }

    private void sync(boolean rebuild) {
        for (Metric m : Metric.values()) {
            JFreeChart chart = charts.get(m);
            AbstractDataset bandData = (AbstractDataset) chart.getXYPlot().getDataset(1);
            // datasets quiet too, not only the chart: otherwise every series' change makes the plot
            // re-scan all points for its axis ranges and the dataset re-scan them for its interval width
            chart.setNotify(false);
            runData.get(m).setNotify(false);
            bandData.setNotify(false);
            try {
                syncRuns(m, rebuild);
                syncBand(m);
            } finally {
                runData.get(m).setNotify(true);
                bandData.setNotify(true);
                chart.setNotify(true);
            }
        }
    }

    private void syncRuns(Metric m, boolean rebuild) {
        XYSeriesCollection data = runData.get(m);
        XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) charts.get(m).getXYPlot().getRenderer(0);
        if (rebuild) {
            data.removeAllSeries();
        }
        for (int r = 0; r < vm.runIds().size(); r++) {
            String id = vm.runIds().get(r);
            int index = data.indexOf(id);
            XYSeries s = index >= 0 ? data.getSeries(index) : newSeries(data, renderer, id, r);
            if (!vm.visibleProperty(id).get()) {
                continue; // hidden: the series stays (and its legend entry stays clickable) but holds no points
            }
            int n = vm.pointCount(id);
            for (int i = s.getItemCount(); i < n; i++) {
                s.add(vm.iteration(id, i), vm.value(id, m, i), false);
            }
            s.fireSeriesChanged();
        }
    }

    private static XYSeries newSeries(XYSeriesCollection data, XYLineAndShapeRenderer renderer, String id, int r) {
        XYSeries s = new XYSeries(id, false, true);
        data.addSeries(s);
        renderer.setSeriesPaint(data.getSeriesCount() - 1, RunPalette.awt(r));
        return s;
    }

    private void syncBand(Metric m) {
        YIntervalSeries band = bands.get(m);
        band.clear();
        if (vm.runIds().stream().filter(id -> vm.visibleProperty(id).get()).count() >= 2) {
            for (CurvesViewModel.BandPoint p : vm.band(m)) {
                band.add(new YIntervalDataItem(p.iteration(), p.mean(), p.min(), p.max()), false);
            }
        }
        band.fireSeriesChanged();
    }

    private void applyLogScale(boolean log) {
        XYPlot plot = charts.get(Metric.LOSS).getXYPlot();
        String label = Metric.LOSS.label();
        if (log) {
            plot.setRangeAxis(reprolab.gui.ChartStyle.decadeAxis(label + " (log)", 1e-12));
        } else {
            NumberAxis axis = new NumberAxis(label);
            axis.setAutoRangeIncludesZero(false);
            plot.setRangeAxis(axis);
        }
    }

    /** Clicking a run's legend entry shows or hides that run. */
    private final class LegendToggle implements ChartMouseListenerFX {
        @Override
        public void chartMouseClicked(ChartMouseEventFX event) {
            if (event.getEntity() instanceof LegendItemEntity item && item.getSeriesKey() != null
                    && vm.runIds().contains(item.getSeriesKey().toString())) {
                vm.toggleVisible(item.getSeriesKey().toString());
            }
        }

        @Override
        public void chartMouseMoved(ChartMouseEventFX event) {
            // only clicks matter
        }
    }
}

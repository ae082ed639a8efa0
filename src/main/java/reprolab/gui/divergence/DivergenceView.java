package reprolab.gui.divergence;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import reprolab.analysis.LayerStrip;
import reprolab.gui.AnalysisResult;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The verdict, the pairwise matrix, the gap plot on a log axis and the layers × iterations strip. */
public final class DivergenceView {

    private static final double ROW_HEIGHT = 18;
    private final DivergenceViewModel vm;
    private final Label verdict = new Label();
    private final GridPane matrix = new GridPane();
    private final XYSeries lossGap = new XYSeries("max |Δloss| between runs", false, true);
    private final XYSeries normGap = new XYSeries("parameter-norm spread", false, true);
    private final JFreeChart gapChart;
    private final Canvas strip = new Canvas(800, 4 * ROW_HEIGHT);
    private final Label stripText = new Label();
    /** Shown instead of the gap chart when there is no gap to draw (a log axis cannot show 0). */
    private final Label noGap = new Label("Nothing to plot: the runs' losses and parameter norms are equal at "
            + "every iteration, so there is no gap to draw on a log axis.");
    private final VBox root;
    private final BooleanProperty showing = new SimpleBooleanProperty(true);
    /** Cells of the pair matrix by pair, kept while the same runs are shown, so a live update only edits text. */
    private final Map<String, Label[]> cells = new HashMap<>();
    private List<String> matrixRuns = List.of();
    private boolean stale;

    public DivergenceView(DivergenceViewModel vm) {
        this.vm = vm;
        verdict.setId("verdict");
        verdict.setWrapText(true);
        verdict.getStyleClass().add("verdict");
        verdict.textProperty().bind(vm.verdictProperty());
        matrix.setId("pairMatrix");
        matrix.setHgap(4);
        matrix.setVgap(4);
        gapChart = createGapChart();
        ChartViewer viewer = new ChartViewer(gapChart);
        viewer.setId("gapChart");
        viewer.setPrefHeight(320);
        strip.setId("layerStrip");
        Tooltip.install(strip, new Tooltip("Red: the runs' fingerprints of this layer differ at this iteration."));
        noGap.setId("noGap");
        noGap.setWrapText(true);
        noGap.getStyleClass().addAll("empty-state", "empty-state-text");
        noGap.setVisible(false);
        noGap.managedProperty().bind(noGap.visibleProperty());
        viewer.visibleProperty().bind(noGap.visibleProperty().not());
        viewer.managedProperty().bind(viewer.visibleProperty());
        VBox content = new VBox(10, verdict, new Label("Pairs of runs (= identical, k = differs from iteration k)"),
                matrix, noGap, viewer, new Label("Layers × iterations: where fingerprints differ"), strip, stripText);
        content.setPadding(new Insets(8));
        // the strip spans the tab's width, not a fixed 800 px, and is redrawn when the window is resized
        content.widthProperty().addListener((obs, was, now) -> {
            strip.setWidth(Math.max(200, now.doubleValue() - 16));
            drawStrip(vm.stripProperty().get());
        });
        // the tab fills the window: the gap chart takes the spare height, and below its preferred
        // height the content keeps its size and scrolls
        VBox.setVgrow(viewer, Priority.ALWAYS);
        viewer.setMinHeight(240);
        content.setMinHeight(Region.USE_PREF_SIZE);
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        root = new VBox(scroll);
        // a hidden tab is brought up to date when it is shown, not redrawn on every live analysis
        vm.resultProperty().addListener((obs, was, now) -> refresh());
        vm.stripProperty().addListener((obs, was, now) -> refresh());
        showing.addListener((obs, was, now) -> refresh());
    }

    /** Whether the tab is on screen; while it is not, results wait and are drawn once it is. */
    public BooleanProperty showingProperty() {
        return showing;
    }

    private void refresh() {
        stale = true;
        if (showing.get()) {
            flush();
        }
    }

    private void flush() {
        if (stale) {
            stale = false;
            showResult(vm.resultProperty().get());
            drawStrip(vm.stripProperty().get());
        }
    }

    public VBox root() {
        return root;
    }

    /** The gap chart, brought up to date first (an export may ask while the tab is hidden). */
    public JFreeChart gapChart() {
        flush();
        return gapChart;
    }

    private JFreeChart createGapChart() {
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(lossGap);
        data.addSeries(normGap);
        LogAxis y = reprolab.gui.ChartStyle.decadeAxis("difference (log)", 1e-16);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setDrawSeriesLineAsPath(true);
        renderer.setDefaultCreateEntities(false);
        XYPlot plot = new XYPlot(data, new NumberAxis("Iteration"), y, renderer);
        plot.setDomainPannable(true);
        return reprolab.gui.ChartStyle.apply(
                new JFreeChart("How far apart the runs are", JFreeChart.DEFAULT_TITLE_FONT, plot, true));
    }

    private void showResult(AnalysisResult r) {
        gapChart.setNotify(false);
        lossGap.clear();
        normGap.clear();
        if (r == null) {
            matrix.getChildren().clear();
            cells.clear();
            matrixRuns = List.of();
        } else {
            // a log axis cannot show 0: identical iterations are left out rather than faked
            for (AnalysisResult.Gap g : r.gap()) {
                if (g.maxAbsLossDelta() > 0) {
                    lossGap.add(g.iteration(), g.maxAbsLossDelta(), false);
                }
                if (g.paramNormSpread() > 0) {
                    normGap.add(g.iteration(), g.paramNormSpread(), false);
                }
            }
            fillMatrix(r.pairs());
        }
        lossGap.fireSeriesChanged();
        normGap.fireSeriesChanged();
        gapChart.setNotify(true);
        // an analysis with runs but no point above 0: say so, as the Curves tab's empty state does
        noGap.setVisible(r != null && !r.pairs().isEmpty() && lossGap.isEmpty() && normGap.isEmpty());
    }

    private void fillMatrix(List<AnalysisResult.Pair> pairs) {
        List<String> runs = new ArrayList<>();
        for (AnalysisResult.Pair p : pairs) {
            if (!runs.contains(p.runA())) {
                runs.add(p.runA());
            }
            if (!runs.contains(p.runB())) {
                runs.add(p.runB());
            }
        }
        if (!runs.equals(matrixRuns)) {
            buildMatrix(runs);
        }
        for (AnalysisResult.Pair p : pairs) {
            Label[] pair = cells.getOrDefault(p.runA() + "\u0000" + p.runB(), cells.get(p.runB() + "\u0000" + p.runA()));
            for (Label l : pair) {
                describe(l, p);
            }
        }
    }

    private void buildMatrix(List<String> runs) {
        matrix.getChildren().clear();
        cells.clear();
        matrixRuns = List.copyOf(runs);
        for (int i = 0; i < runs.size(); i++) {
            matrix.add(new Label(runs.get(i)), 0, i + 1);
            matrix.add(new Label(runs.get(i)), i + 1, 0);
        }
        for (int a = 0; a < runs.size(); a++) {
            for (int b = a + 1; b < runs.size(); b++) {
                Label upper = cell();
                Label lower = cell();
                matrix.add(upper, b + 1, a + 1);
                matrix.add(lower, a + 1, b + 1);
                cells.put(runs.get(a) + "\u0000" + runs.get(b), new Label[]{upper, lower});
            }
        }
    }

    private static Label cell() {
        Label l = new Label();
        l.setTooltip(new Tooltip());
        return l;
    }

    /** Touches a cell only when its pair changed: a style class change restyles it (CSS pass). */
    private static void describe(Label l, AnalysisResult.Pair p) {
        String text = p.identical() ? "=" : String.valueOf(p.firstIteration());
        String tip = p.identical() ? "bitwise identical at every iteration"
                : "differ from iteration " + p.firstIteration() + (p.layer() == null ? "" : " in " + p.layer());
        if (text.equals(l.getText()) && tip.equals(l.getTooltip().getText())) {
            return;
        }
        l.setText(text);
        l.getStyleClass().removeAll("pair-identical", "pair-differs");
        l.getStyleClass().add(p.identical() ? "pair-identical" : "pair-differs");
        l.getTooltip().setText(tip);
    }

    private void drawStrip(LayerStrip s) {
        int rows = Math.max(1, s.layers().size());
        strip.setHeight(rows * ROW_HEIGHT);
        GraphicsContext g = strip.getGraphicsContext2D();
        g.clearRect(0, 0, strip.getWidth(), strip.getHeight());
        double labelWidth = 80;
        double width = strip.getWidth() - labelWidth;
        int n = s.length();
        for (int l = 0; l < s.layers().size(); l++) {
            double y = l * ROW_HEIGHT;
            g.setFill(Color.BLACK);
            g.fillText(s.layers().get(l), 2, y + ROW_HEIGHT - 5);
            // one column per pixel: a column is red when any iteration it covers differs
            for (int px = 0; px < width && n > 0; px++) {
                int from = (int) ((long) px * n / width);
                int to = Math.max(from + 1, (int) ((long) (px + 1) * n / width));
                boolean differs = false;
                for (int i = from; i < Math.min(to, n) && !differs; i++) {
                    differs = s.differs(l, i);
                }
                g.setFill(differs ? Color.web("#e15759") : Color.web("#59a14f"));
                g.fillRect(labelWidth + px, y + 2, 1, ROW_HEIGHT - 4);
            }
        }
        stripText.setText(String.join("   ", s.describe()));
    }
}

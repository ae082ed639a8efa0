package reprolab.gui.ablation;

import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import reprolab.analysis.AblationReport;
import reprolab.analysis.FactorResult;
import reprolab.analysis.Stats;
import reprolab.gui.ChartStyle;
import reprolab.gui.runs.RunRow;
import reprolab.gui.runs.RunsView;

import java.awt.Color;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Factors, repeats, Run and Cancel; the verdict, one table row per factor and a bar chart of the spread. */
public final class AblationView {

    private final AblationViewModel vm;
    private final DefaultCategoryDataset spread = new DefaultCategoryDataset();
    private final JFreeChart chart;
    private final TableView<FactorResult> table;
    private final VBox root;

    public AblationView(AblationViewModel vm) {
        this.vm = vm;
        Label verdict = new Label();
        verdict.setId("ablationVerdict");
        verdict.getStyleClass().add("verdict");
        verdict.setWrapText(true);
        verdict.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // the whole verdict, on several lines
        vm.reportProperty().addListener((obs, was, now) -> {
            verdict.setText(now == null ? "" : now.verdict());
            showSpread(now);
        });
        Label status = new Label();
        status.textProperty().bind(vm.statusProperty());
        status.getStyleClass().add("hint");
        chart = createChart();
        ChartViewer viewer = new ChartViewer(chart);
        viewer.setId("ablationChart");
        viewer.setPrefHeight(260);
        table = table();
        VBox.setVgrow(table, Priority.ALWAYS);
        root = new VBox(8, factorChoice(), runBar(), status, progress(), verdict, table, viewer);
        root.setPadding(new Insets(8));
    }

    public VBox root() {
        return root;
    }

    /**
     * What the report table shows while there is no report: {@code hint} (what Run ablation will do), or
     * while the runs go, that the report follows when they end.
     */
    public void showWhenEmpty(Node hint) {
        Label waiting = new Label("The report appears here when every run has ended.");
        table.placeholderProperty().bind(javafx.beans.binding.Bindings.when(vm.runningProperty())
                .<Node>then(waiting).otherwise(hint));
    }

    public JFreeChart chart() {
        return chart;
    }

    private FlowPane factorChoice() {
        FlowPane pane = new FlowPane(12, 6);
        showFactors(pane, vm.factors());
        // Script mode offers the script's toggles in the model's factors' place (issue 24)
        vm.factorsProperty().addListener((obs, was, now) -> showFactors(pane, now));
        return pane;
    }

    private void showFactors(FlowPane pane, Map<String, BooleanProperty> factors) {
        pane.getChildren().setAll(new Label("Vary one at a time:"));
        factors.forEach((name, on) -> {
            CheckBox box = new CheckBox(name);
            box.setId("factor-" + name);
            box.selectedProperty().bindBidirectional(on);
            box.disableProperty().bind(vm.runningProperty());
            pane.getChildren().add(box);
        });
    }

    /** Which group and run is where, with ETAs, as the Runs panel shows an experiment; only once there are runs. */
    private VBox progress() {
        Label summary = new Label();
        summary.setId("ablationProgressSummary");
        summary.textProperty().bind(vm.progress().summaryProperty());
        TableView<RunRow> runs = new RunsView(vm.progress().runs(), vm.progress()::groupOf).root();
        runs.setId("ablationRunsTable");
        runs.setPrefHeight(200);
        // keep the runs in flight in view: finished ones scroll up out of the way
        summary.textProperty().addListener((obs, was, now) -> {
            var rows = vm.progress().runs().rows();
            rows.stream().filter(r -> !r.isEnded()).findFirst().ifPresent(r -> runs.scrollTo(rows.indexOf(r)));
        });
        VBox box = new VBox(4, summary, runs);
        box.visibleProperty().bind(Bindings.isNotEmpty(vm.progress().runs().rows()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private HBox runBar() {
        TextField repeats = new TextField();
        repeats.setId("ablationRepeats");
        repeats.setPrefColumnCount(4);
        repeats.textProperty().bindBidirectional(vm.repeatsProperty());
        repeats.setTooltip(new Tooltip("Runs per group: the baseline and every factor get this many."));
        Button run = new Button("Run ablation");
        run.setId("ablationRun");
        run.getStyleClass().add("run-button");
        run.disableProperty().bind(vm.runningProperty());
        run.setOnAction(e -> vm.run());
        Button cancel = new Button("Cancel");
        cancel.setId("ablationCancel");
        cancel.getStyleClass().add("run-button");
        cancel.disableProperty().bind(vm.runningProperty().not());
        cancel.setOnAction(e -> vm.cancelAll());
        HBox bar = new HBox(8, new Label("Repeats per group"), repeats, run, cancel);
        bar.getStyleClass().add("run-bar");
        return bar;
    }

    private TableView<FactorResult> table() {
        TableView<FactorResult> table = new TableView<>(vm.rows());
        table.setId("ablationTable");
        table.setPlaceholder(new Label("No ablation yet: its report appears here."));
        // headers on two lines with the full meaning in a tooltip, widths that fit the cells: at the window's
        // default size every column shows its whole text; narrower, the table scrolls instead of cutting
        table.getColumns().addAll(List.of(
                column("Factor", "The factor that varies in this group (baseline: none)", 90, FactorResult::factor),
                column("What varies", "What differs between the runs of this group", 150, FactorResult::description),
                column("Identical", "Are the group's runs bitwise identical?", 75,
                        r -> r.breaksReproducibility() ? "no" : "yes"),
                column("First\ndifference", "First iteration (and layer) at which the group's runs differ", 110,
                        r -> r.firstDivergence() == null ? "" : "it. " + r.firstDivergence().iteration() + " · "
                                + r.firstDivergence().layer()),
                column("Val. accuracy\nmean ± std", "Final validation accuracy over the group's runs", 120,
                        r -> meanStd(r.valAccuracy())),
                column("Val. accuracy\nmin–max", "Lowest and highest final validation accuracy", 120,
                        r -> minMax(r.valAccuracy())),
                column("Val. loss\nmean ± std", "Final validation loss over the group's runs", 120,
                        r -> meanStd(r.valLoss())),
                column("Variance\nshare", "This factor's share of the total variance of final accuracy", 75,
                        r -> String.format("%.0f %%", 100 * r.varianceShare())),
                column("Time to\nchaos", "First iteration at which this group's runs are as far apart (parameter "
                        + "distance) as runs with a different seed; needs runs.snapshotEvery > 0", 130,
                        r -> vm.timeToChaos(r.factor()))));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        return table;
    }

    private static TableColumn<FactorResult, String> column(String title, String meaning, double width,
                                                            Function<FactorResult, String> value) {
        TableColumn<FactorResult, String> c = new TableColumn<>();
        Label header = new Label(title);
        header.setTooltip(new Tooltip(meaning));
        header.setTextAlignment(TextAlignment.CENTER);
        c.setGraphic(header);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                // the whole text on hover, for descriptions longer than the column
                setTooltip(empty || item == null || item.isEmpty() ? null : new Tooltip(item));
            }
        });
        return c;
    }

    private static String meanStd(Stats s) {
        return s == null ? "" : String.format("%.4f ± %.4f", s.mean(), s.std());
    }

    private static String minMax(Stats s) {
        return s == null ? "" : String.format("%.4f – %.4f", s.min(), s.max());
    }

    private JFreeChart createChart() {
        BarRenderer bars = new BarRenderer();
        bars.setSeriesPaint(0, new Color(0x4E79A7));
        bars.setShadowVisible(false);
        bars.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
        CategoryPlot plot = new CategoryPlot(spread, new CategoryAxis("Factor"),
                new NumberAxis("std of final val. accuracy"), bars);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        return ChartStyle.apply(new JFreeChart("Spread each factor causes", JFreeChart.DEFAULT_TITLE_FONT, plot, false));
    }

    /** Rebuilt once per report, on the FX thread, with notifications off while it changes. */
    private void showSpread(AblationReport report) {
        chart.setNotify(false);
        spread.clear();
        if (report != null) {
            for (FactorResult r : report.factors()) {
                spread.addValue(AblationViewModel.spread(r), "std", r.factor());
            }
        }
        chart.setNotify(true);
    }
}

package reprolab.gui;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;
import reprolab.gui.ablation.AblationView;
import reprolab.gui.controls.ControlsView;
import reprolab.gui.script.ScriptMode;
import reprolab.lesson.LessonMode;
import reprolab.gui.curves.CurvesView;
import reprolab.gui.curves.Metric;
import reprolab.gui.divergence.DivergenceView;
import reprolab.gui.empty.EmptyStateView;
import reprolab.gui.empty.EmptyStateViewModel;
import reprolab.gui.history.HistoryView;
import reprolab.gui.lessons.LessonsView;
import reprolab.gui.runs.RunsView;
import reprolab.gui.target.RunTargetView;

import java.util.concurrent.Executor;

/**
 * Lays out the window and binds it to a {@link MainViewModel}: menus, the settings form with Run and
 * Cancel all, the runs table, and the Curves, Divergence and History tabs. Owns the ~10 Hz pulse that
 * moves batched events onto the screen. Later features add tabs and menus through
 * {@link #tabs()} and {@link #menuBar()}.
 */
public final class MainWindow {

    /** How often batched events are applied: often enough to feel live, rare enough to stay cheap. */
    public static final Duration PULSE = Duration.millis(100);

    private final MainViewModel vm;
    private final FileCommandsViewModel files;
    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final MenuBar menuBar = new MenuBar();
    private final CurvesView curves;
    private final DivergenceView divergence;
    private final AnimationTimer pulse = new Pulse();
    /** Told how long each pulse that applied events took, in nanoseconds (the load benchmark listens). */
    java.util.function.LongConsumer pulseObserver = took -> { };

    public MainWindow(MainViewModel vm, Executor background) {
        this.vm = vm;
        this.files = new FileCommandsViewModel(new FxDialogService(this::window), vm.controls(), vm::currentRuns,
                runs -> vm.service().seriesCsv(runs), vm::report, background, Platform::runLater);
        curves = new CurvesView(vm.curves());
        divergence = new DivergenceView(vm.divergence());
        HistoryView history = new HistoryView(vm.history(), vm::show);
        // empty tabs say what Run will do and offer the first lessons
        EmptyStateViewModel emptyVm = new EmptyStateViewModel(vm.controls(), vm.lessons(), vm.curves().runIds(),
                vm.runningProperty());
        EmptyStateView empty = new EmptyStateView(emptyVm);
        Tab curvesTab = tab("Curves", empty.over(curves.root(), "curvesEmpty", emptyVm.curvesHintProperty(),
                emptyVm.experimentEmptyProperty()));
        Tab divergenceTab = tab("Divergence", empty.over(divergence.root(), "divergenceEmpty",
                emptyVm.divergenceHintProperty(), emptyVm.experimentEmptyProperty()));
        tabs.getTabs().addAll(curvesTab, divergenceTab, tab("History", history.root()));
        // a tab in the background is not redrawn on every pulse: it catches up when it is selected
        curves.showingProperty().bind(curvesTab.selectedProperty());
        divergence.showingProperty().bind(divergenceTab.selectedProperty());
        tabs.setId("tabs");
        if (vm.ablation() != null) {
            AblationView ablationView = new AblationView(vm.ablation());
            ablationView.showWhenEmpty(empty.card("ablationEmpty", emptyVm.ablationHint(vm.ablation())));
            Tab ablationTab = tab("Ablation", ablationView.root());
            tabs.getTabs().add(ablationTab);
            // an ablation lesson opens on the Ablation tab with its factors chosen
            vm.lessons().currentProperty().addListener((obs, was, now) -> {
                if (now != null && now.mode() == LessonMode.ABLATION) {
                    vm.ablation().select(now.factors());
                    tabs.getSelectionModel().select(ablationTab);
                }
            });
        }
        LessonsView lessons = new LessonsView(vm.lessons(), this::window);
        menuBar.getMenus().addAll(fileMenu(), lessons.menu());
        root.setTop(menuBar);
        SplitPane split = new SplitPane(leftPane(lessons.panel()), tabs);
        split.setDividerPositions(0.34);
        root.setCenter(split);
        Label status = new Label();
        status.setId("status");
        status.textProperty().bind(vm.statusProperty());
        status.getStyleClass().add("status-bar");
        status.setMaxWidth(Double.MAX_VALUE);
        // a long line (a Keras import's mapping notes) is cut at the window's edge: the tooltip holds all of it
        javafx.scene.control.Tooltip statusTip = new javafx.scene.control.Tooltip();
        statusTip.textProperty().bind(vm.statusProperty());
        statusTip.setWrapText(true);
        statusTip.setMaxWidth(700);
        status.setTooltip(statusTip);
        root.setBottom(status);
    }

    /**
     * Applies batched events at most every {@link #PULSE}, and never more than a third of the FX thread's
     * time: after a pulse that took d, the next waits at least 2d. A Timeline would instead fire every
     * missed cycle at once after a slow frame, redrawing the charts several times in a row and falling
     * further behind; here a heavy load only makes the updates coarser while the window keeps answering.
     */
    private final class Pulse extends AnimationTimer {
        private long due;

        @Override
        public void handle(long now) {
            if (now < due) {
                return;
            }
            int before = vm.batchesAppliedProperty().get();
            long start = System.nanoTime();
            vm.pulse();
            long took = System.nanoTime() - start;
            due = start + Math.max((long) PULSE.toMillis() * 1_000_000L, 3 * took);
            if (vm.batchesAppliedProperty().get() != before) {
                pulseObserver.accept(took);
            }
        }
    }

    /** A scene with the app's stylesheet; starts the pulse. */
    public Scene createScene() {
        // never larger than the screen: a laptop (or a headless test framebuffer) must show it whole
        var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1440, screen.getWidth()), Math.min(900, screen.getHeight()));
        var css = MainWindow.class.getResource("/css/reprolab.css");
        if (css != null) {
            scene.getStylesheets().add(css.toExternalForm());
        }
        pulse.start();
        vm.history().refresh();
        return scene;
    }

    public void stop() {
        pulse.stop();
    }

    public TabPane tabs() {
        return tabs;
    }

    public MenuBar menuBar() {
        return menuBar;
    }

    public Parent root() {
        return root;
    }

    private VBox leftPane(VBox lessonPanel) {
        Button run = new Button("Run");
        run.setId("runButton");
        run.setDefaultButton(true);
        run.disableProperty().bind(vm.canRunProperty().not());
        run.setOnAction(e -> vm.run());
        Button cancelAll = new Button("Cancel all");
        cancelAll.setId("cancelAllButton");
        cancelAll.disableProperty().bind(vm.runningProperty().not());
        cancelAll.setOnAction(e -> vm.cancelAll());
        run.getStyleClass().add("run-button");
        cancelAll.getStyleClass().add("run-button");
        HBox buttons = new HBox(8, run, cancelAll);
        buttons.getStyleClass().add("run-bar");
        // "Run on" (issue 14) sits with Run, in the part of the form that never scrolls
        VBox runBar = new VBox(4, buttons);
        if (vm.targets() != null) {
            runBar.getChildren().add(0, new RunTargetView(vm.targets()).root());
        }
        // the reproducibility controls and Run stay in view; the other settings scroll under them
        VBox form = new ControlsView(vm.controls(), runBar).root();
        VBox.setVgrow(form, Priority.ALWAYS);
        Node settings = ScriptMode.switcher(vm.script(), form, runBar);
        RunsView runs = new RunsView(vm.runs(), vm.curves(), vm::cancel);
        // the runs table keeps room for a handful of rows under the form
        runs.root().setMinHeight(150);
        runs.root().setPrefHeight(220);
        VBox left = new VBox(8, lessonPanel, settings, runs.root());
        left.setPadding(new Insets(8));
        return left;
    }

    private static Tab tab(String title, Parent content) {
        Tab tab = new Tab(title, content);
        tab.setClosable(false);
        return tab;
    }

    private Menu fileMenu() {
        Menu file = new Menu("File");
        file.setId("fileMenu");
        file.getItems().addAll(item("Open experiment…", files::openSpec), item("Save experiment…", files::saveSpec),
                item("Import Keras model…", files::importKeras),
                item("Open training script…", () -> files.openScript(vm.script())),
                new SeparatorMenuItem(),
                item("Export loss chart as PNG…", () -> files.exportChart(curves.chart(Metric.LOSS), "png")),
                item("Export loss chart as SVG…", () -> files.exportChart(curves.chart(Metric.LOSS), "svg")),
                item("Export accuracy chart as PNG…", () -> files.exportChart(curves.chart(Metric.ACCURACY), "png")),
                item("Export accuracy chart as SVG…", () -> files.exportChart(curves.chart(Metric.ACCURACY), "svg")),
                item("Export divergence chart as PNG…", () -> files.exportChart(divergence.gapChart(), "png")),
                item("Export divergence chart as SVG…", () -> files.exportChart(divergence.gapChart(), "svg")),
                item("Export data as CSV…", files::exportCsv),
                item("Export report as HTML…", () -> files.exportReport(vm.shownFolder())),
                ablationReportItem(),
                new SeparatorMenuItem(), item("Quit", Platform::exit));
        return file;
    }

    /** The Ablation tab's report; hidden where the window has no Ablation tab. */
    private MenuItem ablationReportItem() {
        MenuItem item = item("Export ablation report as HTML…", () -> files.exportAblationReport(vm.ablation().folder()));
        item.setId("exportAblationReport");
        item.setVisible(vm.ablation() != null);
        return item;
    }

    private static MenuItem item(String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setOnAction(e -> action.run());
        return item;
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }
}

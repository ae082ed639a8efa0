package reprolab.gui;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Duration;
import org.jfree.chart.JFreeChart;
import reprolab.experiment.SpecJson;
import reprolab.gui.ablation.AblationView;
import reprolab.gui.controls.ControlsView;
import reprolab.lesson.LessonMode;
import reprolab.gui.curves.CurvesView;
import reprolab.gui.curves.Metric;
import reprolab.gui.divergence.DivergenceView;
import reprolab.gui.export.Exporter;
import reprolab.gui.history.HistoryView;
import reprolab.gui.lessons.LessonsView;
import reprolab.gui.runs.RunsView;

import java.io.File;
import java.nio.file.Path;
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
    private final Executor background;
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
        this.background = background;
        curves = new CurvesView(vm.curves());
        divergence = new DivergenceView(vm.divergence());
        HistoryView history = new HistoryView(vm.history(), vm::show);
        Tab curvesTab = tab("Curves", curves.root());
        Tab divergenceTab = tab("Divergence", divergence.root());
        tabs.getTabs().addAll(curvesTab, divergenceTab, tab("History", history.root()));
        // a tab in the background is not redrawn on every pulse: it catches up when it is selected
        curves.showingProperty().bind(curvesTab.selectedProperty());
        divergence.showingProperty().bind(divergenceTab.selectedProperty());
        tabs.setId("tabs");
        if (vm.ablation() != null) {
            Tab ablationTab = tab("Ablation", new AblationView(vm.ablation()).root());
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
        Scene scene = new Scene(root, Math.min(1400, screen.getWidth()), Math.min(900, screen.getHeight()));
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
        ScrollPane form = new ScrollPane(new ControlsView(vm.controls()).root());
        form.setFitToWidth(true);
        VBox.setVgrow(form, Priority.ALWAYS);
        run.getStyleClass().add("run-button");
        cancelAll.getStyleClass().add("run-button");
        RunsView runs = new RunsView(vm.runs(), vm.curves(), vm::cancel);
        // the form scrolls; the runs table keeps room for a handful of rows under it
        runs.root().setMinHeight(150);
        HBox buttons = new HBox(8, run, cancelAll);
        buttons.getStyleClass().add("run-bar");
        VBox left = new VBox(8, lessonPanel, form, buttons, runs.root());
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
        file.getItems().addAll(item("Open experiment…", this::openSpec), item("Save experiment…", this::saveSpec),
                item("Import Keras model…", this::importKeras),
                new SeparatorMenuItem(),
                item("Export loss chart as PNG…", () -> exportChart(curves.chart(Metric.LOSS), "png")),
                item("Export loss chart as SVG…", () -> exportChart(curves.chart(Metric.LOSS), "svg")),
                item("Export accuracy chart as PNG…", () -> exportChart(curves.chart(Metric.ACCURACY), "png")),
                item("Export accuracy chart as SVG…", () -> exportChart(curves.chart(Metric.ACCURACY), "svg")),
                item("Export divergence chart as PNG…", () -> exportChart(divergence.gapChart(), "png")),
                item("Export divergence chart as SVG…", () -> exportChart(divergence.gapChart(), "svg")),
                item("Export data as CSV…", this::exportCsv),
                new SeparatorMenuItem(), item("Quit", Platform::exit));
        return file;
    }

    private static MenuItem item(String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setOnAction(e -> action.run());
        return item;
    }

    private void openSpec() {
        File f = chooser("Experiment", "json").showOpenDialog(window());
        if (f != null) {
            inBackground("Opened " + f, () -> {
                var spec = SpecJson.read(f.toPath());
                Platform.runLater(() -> vm.controls().load(spec));
            });
        }
    }

    /** A Keras model.to_json() file as a custom model in the form (the layer editor shows it). */
    private void importKeras() {
        File f = chooser("Keras model (model.to_json())", "json").showOpenDialog(window());
        if (f != null) {
            inBackground("Imported " + f.getName() + " as a custom model: check epochs, batch size and learning rate",
                    () -> {
                        var imported = reprolab.experiment.KerasImport.read(f.toPath()).spec();
                        Platform.runLater(() -> vm.controls().load(imported));
                    });
        }
    }

    private void saveSpec() {
        var spec = vm.controls().specProperty().get();
        if (spec == null) {
            vm.report("Fix the settings marked in red before saving.");
            return;
        }
        File f = chooser("Experiment", "json").showSaveDialog(window());
        if (f != null) {
            inBackground("Saved " + f, () -> Exporter.text(SpecJson.write(spec), f.toPath()));
        }
    }

    private void exportChart(JFreeChart chart, String format) {
        File f = chooser("Chart", format).showSaveDialog(window());
        if (f != null) {
            Path p = f.toPath();
            inBackground("Exported " + p, () -> {
                if ("svg".equals(format)) {
                    Exporter.svg(chart, p);
                } else {
                    Exporter.png(chart, p);
                }
            });
        }
    }

    private void exportCsv() {
        File f = chooser("Data", "csv").showSaveDialog(window());
        if (f != null) {
            inBackground("Exported " + f, () -> Exporter.text(vm.service().seriesCsv(vm.currentRuns()), f.toPath()));
        }
    }

    /** A step with I/O that may fail. */
    private interface Job {
        void run() throws Exception;
    }

    private void inBackground(String done, Job job) {
        background.execute(() -> {
            try {
                job.run();
                Platform.runLater(() -> vm.report(done));
            } catch (Exception e) {
                Platform.runLater(() -> vm.report("Failed: " + e.getMessage()));
            }
        });
    }

    private static FileChooser chooser(String what, String ext) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(what);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(ext.toUpperCase() + " files", "*." + ext));
        return chooser;
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }
}

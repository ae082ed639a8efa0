package reprolab.gui;

import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import reprolab.experiment.DataSource;
import reprolab.gui.controls.ControlsViewModel;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The window as a new user meets it at 1440x900 (issue 15): the reproducibility controls and Run first
 * and in view, data and model collapsed, the IDX fields only for an IDX source, empty tabs that say
 * what to do, and an ablation whose runs show their progress and can be cancelled. The headless screen
 * is 1600x1000 for every UI test (pom.xml: headless.geometry), so the window gets its full 1440x900.
 */
@ExtendWith({ApplicationExtension.class, ClosesWindows.class})
class WindowLayoutFxTest {

    private static final List<String> SEED_SWITCHES = List.of("#seeds-weightInit-enabled", "#seeds-dropout-enabled",
            "#seeds-shuffle-enabled", "#seeds-split-enabled");
    private final ExecutorService background = BackgroundExecutor.create();
    private final FakeExperimentService experiments = new FakeExperimentService(20, 2);
    private final FakeAblationService ablations = new FakeAblationService(100_000, 5);
    private MainViewModel vm;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        vm = new MainViewModel(experiments, ablations, new ControlsViewModel(false, p -> true), background,
                Platform::runLater, System::nanoTime);
        stage.setScene(new MainWindow(vm, background).createScene());
        stage.show();
    }

    @AfterEach
    void stopBackground() {
        background.shutdownNow();
    }

    @Test
    void theWindowIs1440By900AndTheSeedSwitchesThreadsAndRunAreInViewWithoutScrolling(FxRobot robot) {
        assertEquals(1440, stage.getScene().getWidth());
        assertEquals(900, stage.getScene().getHeight());
        for (String id : SEED_SWITCHES) {
            CheckBox box = robot.lookup(id).queryAs(CheckBox.class);
            assertTrue(inView(box), id + " is on screen without scrolling");
            assertTrue(box.isSelected(), id + " is on by default");
        }
        for (String id : List.of("#execution-threads", "#execution-helpers", "#execution-dataType",
                "#execution-backend", "#runs-repeats", "#runButton")) {
            assertTrue(inView(robot.lookup(id).query()), id + " is on screen without scrolling");
        }
    }

    @Test
    void reproducibilityComesFirstThenRunThenTheCollapsedDataAndModel(FxRobot robot) {
        double seeds = top(robot.lookup("#seeds-weightInit-enabled").query());
        double repeats = top(robot.lookup("#runs-repeats").query());
        double run = top(robot.lookup("#runButton").query());
        TitledPane data = robot.lookup("#dataSection").queryAs(TitledPane.class);
        TitledPane model = robot.lookup("#modelSection").queryAs(TitledPane.class);
        assertTrue(seeds < repeats && repeats < run && run < top(data) && top(data) < top(model),
                "seeds, repeats, Run, data, model from top to bottom");
        assertFalse(data.isExpanded());
        assertFalse(model.isExpanded());
        assertFalse(robot.lookup("#reproducibilitySection").queryAs(TitledPane.class).isCollapsible());
        assertTrue(data.getText().startsWith("Data · mnist-sample, 8000 + 2000"), data.getText());
        assertTrue(model.getText().startsWith("Model · seed-cnn, 1 epoch"), model.getText());
    }

    @Test
    void theIdxFileFieldsShowOnlyForAnIdxSource(FxRobot robot) {
        robot.clickOn("#dataSection");
        WaitForAsyncUtils.waitForFxEvents();
        Node images = robot.lookup("#data-imagesPath").query();
        Node labels = robot.lookup("#data-labelsPath").query();
        assertFalse(shown(images) || shown(labels), "hidden for the shipped sample");
        @SuppressWarnings("unchecked")
        ComboBox<DataSource> source = robot.lookup("#data-source").queryAs(ComboBox.class);
        robot.interact(() -> source.setValue(DataSource.IDX));
        assertTrue(shown(images) && shown(labels), "shown for idx");
        assertTrue(shown(robot.lookup("#data-imagesPath-choose").query()), "with a file chooser");
        robot.interact(() -> source.setValue(DataSource.SYNTHETIC));
        assertFalse(shown(images) || shown(labels), "hidden for synthetic data");
    }

    @Test
    void emptyTabsSayWhatRunWillDoUntilARunHasBeenShown(FxRobot robot) throws Exception {
        Label curves = robot.lookup("#curvesEmptyText").queryAs(Label.class);
        assertTrue(shown(curves));
        assertTrue(curves.getText().startsWith("Press Run to train 3 repeats of seed-cnn"), curves.getText());
        robot.clickOn("Divergence");
        Label divergence = robot.lookup("#divergenceEmptyText").queryAs(Label.class);
        assertTrue(shown(divergence) && divergence.getText().contains("bitwise identical"), divergence.getText());
        robot.clickOn("#runButton");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> experiments.started.size() == 1
                && experiments.started.get(0).isDone() && !vm.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(shown(divergence), "gone once there are runs");
        robot.clickOn("Curves");
        assertFalse(shown(curves), "gone once there are runs");
    }

    @Test
    void aLessonLinkInTheEmptyStateOpensTheLesson(FxRobot robot) {
        robot.clickOn("#curvesEmpty-lesson-02-forget-one-seed");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Forget one seed: which one?", vm.lessons().currentProperty().get().title());
        assertTrue(robot.lookup("#curvesEmptyText").queryAs(Label.class).getText()
                .startsWith("Press Run to train 3 repeats of tiny"), "the hint follows the lesson's settings");
    }

    @Test
    void theAblationShowsEachRunsProgressAndCanBeCancelled(FxRobot robot) throws Exception {
        robot.clickOn("Ablation");
        Label hint = robot.lookup("#ablationEmptyText").queryAs(Label.class);
        assertTrue(shown(hint) && hint.getText().contains("15 runs of seed-cnn"), hint.getText());
        robot.clickOn("#ablationRun");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.ablation().progress().runs().row("baseline-1")
                .map(r -> r.iterationProperty().get() > 3).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(shown(robot.lookup("#ablationRunsTable").query()));
        assertEquals(15, vm.ablation().progress().runs().rows().size());
        String summary = robot.lookup("#ablationProgressSummary").queryAs(Label.class).getText();
        assertTrue(summary.startsWith("Running group 1 of 5 (baseline), run baseline-1 · 0 of 15 runs done"), summary);
        assertEquals("running", vm.ablation().progress().runs().row("baseline-1").orElseThrow().statusProperty().get());
        robot.clickOn("#ablationCancel");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !vm.ablation().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(ablations.started.get(0).wasCancelled());
        assertEquals("cancelled", vm.ablation().progress().runs().row("baseline-1").orElseThrow()
                .statusProperty().get());
        assertEquals("Cancelled: 0 of 15 runs finished.",
                robot.lookup("#ablationProgressSummary").queryAs(Label.class).getText());
        assertFalse(robot.lookup("#ablationRun").queryAs(Button.class).isDisabled(), "ready for the next one");
    }

    /**
     * Issue 27: after File > Import Keras model the custom model's layer editor must not widen the settings
     * form, or the Engine section's text stops wrapping and the form gets a horizontal scrollbar.
     */
    @Test
    void afterAKerasImportTheEngineTextStillWrapsAndTheSettingsHaveNoHorizontalScrollbar(FxRobot robot)
            throws Exception {
        DialogService keras = new DialogService() {
            @Override
            public java.util.Optional<java.nio.file.Path> open(String title, String extension) {
                return java.util.Optional.of(java.nio.file.Path.of("sample-data", "keras", "question-keras2.json"));
            }

            @Override
            public java.util.Optional<java.nio.file.Path> save(String title, String extension) {
                return java.util.Optional.empty();
            }
        };
        FileCommandsViewModel files = new FileCommandsViewModel(keras, vm.controls(), List::of, runs -> "",
                line -> { }, background, Platform::runLater);
        robot.clickOn("#engineSection");
        Label status = robot.lookup("#engine-status").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !status.getText().startsWith("Looking"));
        robot.interact(files::importKeras);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS,
                () -> vm.controls().modelProperty().get() == reprolab.experiment.ModelName.CUSTOM);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(shown(robot.lookup("#layersGroup").query()), "the layer editor is open");
        javafx.scene.control.ScrollPane settings = robot.lookup("#moreSettings")
                .queryAs(javafx.scene.control.ScrollPane.class);
        for (Node bar : settings.lookupAll(".scroll-bar")) {
            javafx.scene.control.ScrollBar scrollBar = (javafx.scene.control.ScrollBar) bar;
            if (scrollBar.getParent() == settings) { // its own bars, not those of a table inside
                assertFalse(scrollBar.getOrientation() == javafx.geometry.Orientation.HORIZONTAL
                        && scrollBar.isVisible(), "no horizontal scrollbar under the settings");
            }
        }
        Bounds text = status.localToScene(status.getBoundsInLocal());
        Bounds view = settings.localToScene(settings.getBoundsInLocal());
        TitledPane named = robot.lookup("#experimentSection").queryAs(TitledPane.class);
        assertTrue(named.getText().contains("question-keras2"), "the long title that widened the form: " + named.getText());
        Bounds title = named.localToScene(named.getBoundsInLocal());
        assertTrue(title.getMaxX() <= view.getMaxX() + 0.5, "its section ends inside the form: " + title);
        javafx.scene.text.Text drawn = (javafx.scene.text.Text) named.lookup(".title .text");
        Bounds titleText = drawn.localToScene(drawn.getBoundsInLocal());
        boolean cut = drawn.getText().endsWith("...") || drawn.getText().endsWith("…");
        assertTrue(titleText.getMaxX() <= view.getMaxX() + 0.5 && cut,
                "the title is cut with an ellipsis, not drawn past the form: \"" + drawn.getText() + "\" " + titleText
                + " in " + view);
        assertTrue(text.getMaxX() <= view.getMaxX() + 0.5, "the engine status ends inside the form: " + text
                + " in " + view);
        double oneLine = status.getFont().getSize() * 1.6;
        assertTrue(status.prefWidth(-1) > text.getWidth() && status.getHeight() > oneLine,
                "the engine status wraps: " + status.getHeight() + " px high for \"" + status.getText() + "\"");
    }

    /** Inside the visible part of the scene, with no scrolling: the node's bounds lie in the scene's. */
    @Test
    void theRunsTableFitsTheDefaultWidthWithItsEtaColumnAndNoHorizontalScrollbar(FxRobot robot) throws Exception {
        robot.clickOn("#runButton");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> experiments.started.size() == 1
                && experiments.started.get(0).isDone() && !vm.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.TableView<?> table = robot.lookup("#runsTable").queryAs(javafx.scene.control.TableView.class);
        assertFalse(table.getItems().isEmpty(), "the runs are listed");
        for (Node bar : table.lookupAll(".scroll-bar")) {
            javafx.scene.control.ScrollBar scrollBar = (javafx.scene.control.ScrollBar) bar;
            assertFalse(scrollBar.getOrientation() == javafx.geometry.Orientation.HORIZONTAL && scrollBar.isVisible(),
                    "no horizontal scrollbar under the runs table");
        }
        Node eta = table.lookupAll(".column-header").stream()
                .filter(h -> h.lookup(".label") instanceof Label l && "ETA".equals(l.getText())).findFirst().orElseThrow();
        Bounds header = eta.localToScene(eta.getBoundsInLocal());
        Bounds whole = table.localToScene(table.getBoundsInLocal());
        assertTrue(header.getMaxX() <= whole.getMaxX() + 0.5, "the ETA column ends inside the table: " + header
                + " in " + whole);
    }

    private static boolean inView(Node node) {
        Bounds b = node.localToScene(node.getBoundsInLocal());
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof javafx.scene.control.ScrollPane) {
                return false; // could be scrolled away
            }
        }
        return shown(node) && b.getMinY() >= 0 && b.getMaxY() <= node.getScene().getHeight()
                && b.getMinX() >= 0 && b.getMaxX() <= node.getScene().getWidth();
    }

    private static double top(Node node) {
        return node.localToScene(node.getBoundsInLocal()).getMinY();
    }

    /** Visible to the user: the node and every parent up to the scene. */
    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}

package reprolab.gui;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import reprolab.analysis.AblationReport;
import reprolab.analysis.Divergence;
import reprolab.analysis.FactorResult;
import reprolab.analysis.Stats;
import reprolab.experiment.ExperimentSpec;
import reprolab.gui.ablation.AblationService;
import reprolab.gui.controls.ControlsViewModel;
import reprolab.lesson.Lesson;
import reprolab.lesson.LessonLibrary;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drives the Lessons menu and the Ablation tab of the real window, headless, with fake engines. */
@ExtendWith({ApplicationExtension.class, ClosesWindows.class})
class LessonsAndAblationFxTest {

    static {
        System.setProperty("headless.geometry", "1600x1000-32");
    }

    private final ExecutorService background = BackgroundExecutor.create();
    private final FakeAblationService ablations = new FakeAblationService();
    private MainViewModel vm;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        ControlsViewModel controls = new ControlsViewModel(false, p -> true);
        vm = new MainViewModel(new FakeExperimentService(5, 0), ablations, controls, background,
                Platform::runLater, System::nanoTime);
        window = new MainWindow(vm, background);
        stage.setScene(window.createScene());
        stage.show();
    }

    @AfterEach
    void stopBackground() {
        background.shutdownNow();
    }

    @Test
    void openingAShippedLessonShowsItsTextHidesAndLocksItsSettings(FxRobot robot) {
        Lesson lesson = shipped("02-forget-one-seed");
        // this window's own Lessons menu item (a robot click on the title text could land on another test's
        // window, or on the empty Curves tab's link to the same lesson)
        javafx.scene.control.MenuItem item = window.menuBar().getMenus().stream().filter(m -> "lessonsMenu".equals(m.getId())).findFirst().orElseThrow()
                .getItems().stream().filter(i -> ("lesson-" + lesson.id()).equals(i.getId())).findFirst().orElseThrow();
        robot.interact(item::fire);
        WaitForAsyncUtils.waitForFxEvents();
        Label text = robot.lookup("#lessonText").queryAs(Label.class);
        assertEquals(lesson.text(), text.getText());
        assertTrue(text.isVisible());
        // the lesson hides the seeds section and locks the model section
        assertFalse(shown(robot.lookup("#seeds-dropout-value").queryAs(Node.class)));
        assertTrue(robot.lookup("#model-epochs").queryAs(Node.class).isDisabled());
        Node repeats = robot.lookup("#runs-repeats").queryAs(Node.class);
        assertTrue(shown(repeats) && !repeats.isDisabled(), "what the lesson leaves free stays usable");
    }

    @Test
    void theGpuLessonIsDisabledWithoutAGpuBackend(FxRobot robot) {
        MenuBar bar = window.menuBar();
        MenuItem gpu = bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> "lesson-07-gpu-kernels".equals(i.getId())).findFirst().orElseThrow();
        assertTrue(gpu.isDisable());
        assertTrue(gpu.getText().contains("unavailable"), gpu.getText());
    }

    @Test
    void theFileMenuOffersTheAblationTabsReport(FxRobot robot) {
        MenuItem export = window.menuBar().getMenus().stream().filter(m -> "fileMenu".equals(m.getId()))
                .flatMap(m -> m.getItems().stream()).filter(i -> "exportAblationReport".equals(i.getId()))
                .findFirst().orElseThrow();
        assertEquals("Export ablation report as HTML…", export.getText());
        assertTrue(export.isVisible() && !export.isDisable(), "offered in a window with an Ablation tab");
    }

    @Test
    void runningAnAblationFillsOneRowPerFactorAndTheVerdict(FxRobot robot) throws Exception {
        robot.clickOn("Ablation");
        robot.clickOn("#ablationRun");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !vm.ablation().rows().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> table = robot.lookup("#ablationTable").queryAs(TableView.class);
        // the four seeds are chosen by default, plus the baseline row
        assertEquals(5, table.getItems().size());
        assertEquals("baseline", ((FactorResult) table.getItems().get(0)).factor());
        assertTrue(robot.lookup("#ablationTable .table-cell").queryAllAs(Labeled.class).stream()
                .anyMatch(c -> "split".equals(c.getText())), "the rows are drawn, not only held");
        assertEquals("Every seed you vary breaks reproducibility.",
                robot.lookup("#ablationVerdict").queryAs(Label.class).getText());
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

    private static Lesson shipped(String id) {
        return LessonLibrary.shipped().stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
    }
}

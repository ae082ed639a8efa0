package reprolab.gui;

import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import reprolab.gui.controls.ControlsViewModel;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drives the real window, headless, against the in-memory engine. */
@ExtendWith({ApplicationExtension.class, ClosesWindows.class})
class MainWindowFxTest {

    static {
        // Monocle's headless framebuffer is 1280x800 unless told otherwise
        System.setProperty("headless.geometry", "1600x1000-32");
    }

    private final FakeExperimentService service = new FakeExperimentService(20, 2);
    private final ExecutorService background = BackgroundExecutor.create();
    private MainViewModel vm;

    @Start
    void start(Stage stage) {
        ControlsViewModel controls = new ControlsViewModel(false, p -> true);
        vm = new MainViewModel(service, controls, background, Platform::runLater, System::nanoTime);
        MainWindow window = new MainWindow(vm, background);
        stage.setScene(window.createScene());
        stage.show();
    }

    /** Waits until the one started experiment is done and the window idle; the loss chart's data. */
    private XYSeriesCollection lossChartAfterTheRunEnds(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> service.started.size() == 1
                && service.started.get(0).isDone() && !vm.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        return (XYSeriesCollection) robot.lookup("#lossChart").queryAs(ChartViewer.class).getChart().getXYPlot().getDataset(0);
    }

    @AfterEach
    void stopBackground() {
        background.shutdownNow();
    }

    @Test
    void twoRepeatsShowTwoCurvesAndTheVerdict(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#runs-repeats").queryAs(TextField.class).setText("2"));
        robot.clickOn("#runButton");
        XYSeriesCollection loss = lossChartAfterTheRunEnds(robot);
        assertEquals(2, loss.getSeriesCount());
        assertEquals(21, loss.getSeries(0).getItemCount());
        assertEquals(21, loss.getSeries(1).getItemCount());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#verdict").queryAs(Label.class)
                .getText().contains("differ from iteration 3"));
    }

    @Test
    void cancelAllMidRunStopsTheRunsAndTheWindowStaysResponsive(FxRobot robot) throws Exception {
        FakeExperimentService slow = new FakeExperimentService(100_000, 5);
        robot.interact(() -> vm = replaceService(slow));
        robot.clickOn("#runButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.curves().pointCount("run-0") > 5);
        robot.clickOn("#cancelAllButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !vm.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(slow.started.get(0).wasCancelled());
        assertEquals("cancelled", vm.runs().row("run-0").orElseThrow().statusProperty().get());
        assertTrue(vm.curves().pointCount("run-0") < 100_000);
        robot.interact(() -> robot.lookup("#runs-repeats").queryAs(TextField.class).setText("0"));
        assertTrue(robot.lookup("#runButton").queryAs(Button.class).isDisabled());
        robot.interact(() -> robot.lookup("#runs-repeats").queryAs(TextField.class).setText("2"));
        assertFalse(robot.lookup("#runButton").queryAs(Button.class).isDisabled());
    }

    @Test
    void theCurvesCatchUpWhenTheirTabIsShownAfterARunInTheBackground(FxRobot robot) throws Exception {
        robot.clickOn("Divergence");
        robot.clickOn("#runButton");
        XYSeriesCollection loss = lossChartAfterTheRunEnds(robot);
        assertEquals(0, points(loss), "a tab in the background is not redrawn on every pulse");
        robot.clickOn("Curves");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3 * 21, points(loss), "the default three runs, 21 points each");
    }

    private static int points(XYSeriesCollection data) {
        int n = 0;
        for (int i = 0; i < data.getSeriesCount(); i++) {
            n += data.getSeries(i).getItemCount();
        }
        return n;
    }

    /** A fresh window over another engine, on the same stage. */
    private MainViewModel replaceService(FakeExperimentService other) {
        Stage stage = (Stage) javafx.stage.Window.getWindows().get(0);
        ControlsViewModel controls = new ControlsViewModel(false, p -> true);
        MainViewModel fresh = new MainViewModel(other, controls, background, Platform::runLater, System::nanoTime);
        stage.setScene(new MainWindow(fresh, background).createScene());
        return fresh;
    }
}

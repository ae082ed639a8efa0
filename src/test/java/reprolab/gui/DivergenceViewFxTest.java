package reprolab.gui;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import reprolab.gui.divergence.DivergenceView;
import reprolab.gui.divergence.DivergenceViewModel;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Divergence tab's gap chart: an empty state for identical runs, and log ticks at whole decades. */
@ExtendWith({ApplicationExtension.class, ClosesWindows.class})
class DivergenceViewFxTest {

    private final FakeExperimentService service = new FakeExperimentService(4, 2);
    private DivergenceViewModel vm;

    @Start
    void start(Stage stage) {
        vm = new DivergenceViewModel(service, Runnable::run, Runnable::run);
        stage.setScene(new Scene(new DivergenceView(vm).root(), 900, 700));
        stage.show();
    }

    private static AnalysisResult result(boolean identical, List<AnalysisResult.Gap> gap) {
        return new AnalysisResult(identical ? "All 2 runs are bitwise identical." : "Runs differ from iteration 1.",
                identical, identical ? null : 1, identical ? null : "dense_0", null,
                List.of(new AnalysisResult.Pair("run-0", "run-1", identical, identical ? null : 1,
                        identical ? null : "dense_0")), gap);
    }

    @Test
    void identicalRunsSayThereIsNothingToPlotInsteadOfAnEmptyLogAxis(FxRobot robot) {
        service.fixedAnalysis = result(true, List.of(new AnalysisResult.Gap(0, 0, 0), new AnalysisResult.Gap(1, 0, 0)));
        robot.interact(() -> vm.analyse(List.of()));
        WaitForAsyncUtils.waitForFxEvents();
        Label noGap = robot.lookup("#noGap").queryAs(Label.class);
        assertTrue(noGap.isVisible(), "the empty state shows");
        assertTrue(noGap.getText().startsWith("Nothing to plot"), noGap.getText());
        assertFalse(robot.lookup("#gapChart").queryAs(ChartViewer.class).isVisible(), "no empty log axis");
    }

    @Test
    void aGapWithinOneDecadeTicksAtDecadesNotFractionalExponents(FxRobot robot) {
        service.fixedAnalysis = result(false, List.of(new AnalysisResult.Gap(1, 0.5, 0.6),
                new AnalysisResult.Gap(2, 0.7, 0.9)));
        robot.interact(() -> vm.analyse(List.of()));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#noGap").queryAs(Label.class).isVisible());
        ChartViewer viewer = robot.lookup("#gapChart").queryAs(ChartViewer.class);
        assertTrue(viewer.isVisible());
        // draw it as the screen does, then read the tick unit the axis chose
        java.awt.image.BufferedImage image = viewer.getChart().createBufferedImage(800, 400);
        assertEquals(800, image.getWidth());
        LogAxis axis = (LogAxis) viewer.getChart().getXYPlot().getRangeAxis();
        double unit = axis.getTickUnit().getSize();
        assertEquals(Math.rint(unit), unit, "a tick unit in whole decades: " + unit);
        assertEquals(0.1, axis.getLowerBound(), 1e-12, "the range widened to the decades around the data");
        assertEquals(1.0, axis.getUpperBound(), 1e-12);
    }
}

package reprolab.gui.controls;

import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import reprolab.gui.ClosesWindows;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import reprolab.experiment.Engine;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real settings form, headless: the Engine group finds this machine's torch and PyTorch can be chosen. */
@ExtendWith({ApplicationExtension.class, ClosesWindows.class})
class EngineViewFxTest {

    private ControlsViewModel controls;

    @Start
    void start(Stage stage) {
        controls = new ControlsViewModel(false, p -> true);
        stage.setScene(new Scene(new ScrollPane(new ControlsView(controls).root()), 600, 900));
        stage.show();
    }

    @Test
    @SuppressWarnings("unchecked")
    void engineChoiceUnlocksOnceTorchIsFoundAndDrivesTheSpec(FxRobot robot) throws Exception {
        ChoiceBox<Engine> engine = robot.lookup("#execution-engine").queryAs(ChoiceBox.class);
        CheckBox deterministic = robot.lookup("#execution-deterministicAlgorithms").queryAs(CheckBox.class);
        CheckBox benchmark = robot.lookup("#execution-cudnnBenchmark").queryAs(CheckBox.class);
        assertTrue(deterministic.isDisabled(), "dl4j: no PyTorch switches");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !robot.lookup("#engine-status").queryAs(Label.class)
                .getText().startsWith("Looking"));
        assertFalse(engine.isDisabled());
        String status = robot.lookup("#engine-status").queryAs(Label.class).getText();
        assertTrue(status.contains("torch 1.13"), status);
        robot.interact(() -> engine.setValue(Engine.PYTORCH));
        assertTrue(deterministic.isDisabled(), "no CUDA GPU here: on the CPU it would change nothing");
        assertTrue(benchmark.isDisabled(), "no CUDA GPU here");
        assertEquals(Engine.PYTORCH, controls.specProperty().get().execution().engine());
        assertTrue(controls.validProperty().get(), controls.otherProblemsProperty().get());
    }

    @Test
    void threadInvariantCheckboxDrivesTheSpecAndIsOffForPyTorch(FxRobot robot) {
        CheckBox invariant = robot.lookup("#execution-threadInvariant").queryAs(CheckBox.class);
        assertFalse(invariant.isDisabled(), "a DL4J setting");
        assertFalse(controls.specProperty().get().execution().threadInvariant());
        robot.interact(() -> invariant.setSelected(true));
        assertTrue(controls.specProperty().get().execution().threadInvariant());
        assertTrue(controls.validProperty().get(), controls.otherProblemsProperty().get());
        robot.interact(() -> controls.engineProperty().set(Engine.PYTORCH));
        assertTrue(invariant.isDisabled(), "PyTorch has no thread-invariant kernels");
    }
}

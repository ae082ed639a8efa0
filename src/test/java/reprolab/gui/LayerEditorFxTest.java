package reprolab.gui;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import reprolab.experiment.LayerType;
import reprolab.experiment.ModelName;
import reprolab.gui.controls.ControlsViewModel;

import java.util.concurrent.ExecutorService;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drives the layer editor in the real window, headless: shown for custom, counts and validates as you type. */
@ExtendWith({ApplicationExtension.class, ClosesWindows.class})
class LayerEditorFxTest {

    static {
        System.setProperty("headless.geometry", "1600x1000-32");
    }

    private final ExecutorService background = BackgroundExecutor.create();
    private ControlsViewModel controls;

    @Start
    void start(Stage stage) {
        controls = new ControlsViewModel(false, p -> true);
        MainViewModel vm = new MainViewModel(new FakeExperimentService(5, 0), controls, background,
                Platform::runLater, System::nanoTime);
        stage.setScene(new MainWindow(vm, background).createScene());
        stage.show();
    }

    @AfterEach
    void stopBackground() {
        background.shutdownNow();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    @SuppressWarnings("unchecked")
    void editorAppearsForCustomAndCountsAndValidatesAsYouType(FxRobot robot) {
        Node count = robot.lookup("#layer-parameters").queryAs(Node.class);
        assertFalse(isShown(count), "hidden for seed-cnn");
        robot.interact(() -> robot.lookup("#model-name").queryAs(ComboBox.class).setValue(ModelName.CUSTOM));
        assertTrue(isShown(count));
        assertEquals("2,374,506 parameters", text(robot, "#layer-parameters"));

        robot.interact(() -> {
            robot.lookup("#layer-add-type").queryAs(ComboBox.class).setValue(LayerType.BATCHNORM);
            robot.lookup("#layer-add").queryAs(Button.class).fire();
        });
        assertTrue(text(robot, "#layer-parameters").startsWith("2,376,554"), "512 x 4 batch-norm parameters more");

        robot.interact(() -> robot.lookup("#layer-1-kernel").queryAs(TextField.class).setText("30"));
        assertTrue(text(robot, "#layer-1-error").contains("kernel 30x30 is larger than its input 26x26x32"));
        assertFalse(controls.validProperty().get(), "Run is blocked");

        robot.interact(() -> robot.lookup("#layer-1-remove").queryAs(Button.class).fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", text(robot, "#layer-1-error"));
        assertTrue(controls.validProperty().get());
        assertEquals(java.util.List.of("conv_0", "dense_0", "batchnorm_0", "output"), controls.perturbationLayers());
    }

    private static boolean isShown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}

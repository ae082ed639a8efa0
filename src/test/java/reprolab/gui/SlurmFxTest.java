package reprolab.gui;

import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import reprolab.experiment.ModelName;
import reprolab.gui.controls.ControlsViewModel;
import reprolab.gui.target.RunTargetViewModel;
import reprolab.run.ExperimentRunner;
import reprolab.run.ExperimentStore;
import reprolab.run.LocalSlurm;
import reprolab.run.SlurmCommands;
import reprolab.run.SlurmTarget;
import reprolab.run.WorkerCommand;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real window with "Run on: Slurm cluster", over the real local cluster. */
@ExtendWith({ApplicationExtension.class, ClosesWindows.class})
class SlurmFxTest {

    static {
        System.setProperty("headless.geometry", "1600x1000-32");
    }

    @TempDir
    static Path store;
    private final ExecutorService background = BackgroundExecutor.create();
    private MainViewModel vm;

    @BeforeAll
    static void clusterIsUp() throws Exception {
        LocalSlurm.requireRunning();
    }

    @Start
    void start(Stage stage) {
        ControlsViewModel controls = new ControlsViewModel(false, Files::isReadable);
        RunTargetViewModel targets = new RunTargetViewModel(SlurmCommands.fromEnvironment(), WorkerCommand.forCurrentJvm());
        ExperimentService service = new RunnerExperimentService(new ExperimentStore(store),
                new ExperimentRunner(WorkerCommand.forCurrentJvm())).choosingTargetWith(targets::target);
        vm = new MainViewModel(service, controls, background, Platform::runLater, System::nanoTime);
        vm.offerTargets(targets);
        stage.setScene(new MainWindow(vm, background).createScene());
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(vm::cancelAll).get(5, TimeUnit.SECONDS);
        background.shutdownNow();
    }

    @Test
    void anExperimentOnSlurmShowsItsCurvesAndVerdict(FxRobot robot) throws Exception {
        fill(robot);
        chooseSlurm(robot);
        robot.clickOn("#runButton");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> vm.runningProperty().get());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.runs().rows().isEmpty()
                && vm.runs().rows().get(0).statusProperty().get().matches("running on node .*|pending.*"));
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> !vm.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("finished", vm.runs().rows().get(0).statusProperty().get(), vm.statusProperty().get());
        XYSeriesCollection loss = (XYSeriesCollection) robot.lookup("#lossChart").queryAs(ChartViewer.class)
                .getChart().getXYPlot().getDataset(0);
        assertEquals(2, loss.getSeriesCount());
        assertEquals(5, loss.getSeries(1).getItemCount(), "iteration 0 and 4 updates, read from the growing files");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#verdict").queryAs(Label.class)
                .getText().contains("bitwise identical"));
        try (var folders = Files.list(store)) {
            assertTrue(folders.anyMatch(f -> Files.exists(f.resolve("runs").resolve(SlurmTarget.JOB_FILE))),
                    "the runs went through Slurm");
        }
    }

    @Test
    void anUnknownPartitionIsToldInTheStatusLine(FxRobot robot) throws Exception {
        fill(robot);
        chooseSlurm(robot);
        robot.interact(() -> robot.lookup("#slurm-partition").queryAs(TextField.class).setText("nope"));
        robot.clickOn("#runButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.statusProperty().get().startsWith("Could not start"));
        assertTrue(vm.statusProperty().get().contains("--partition nope is not a partition of this cluster"),
                vm.statusProperty().get());
        assertFalse(vm.runningProperty().get());
    }

    @SuppressWarnings("unchecked")
    private void chooseSlurm(FxRobot robot) {
        assertFalse(robot.lookup("#runOnChoice").queryAs(ComboBox.class).isDisabled(), "sbatch is on the PATH");
        assertFalse(robot.lookup("#slurmSettings").query().isVisible(), "Slurm settings hidden for this computer");
        robot.interact(() -> robot.lookup("#runOnChoice").queryAs(ComboBox.class)
                .setValue(RunTargetViewModel.Choice.SLURM));
        assertTrue(robot.lookup("#slurmSettings").query().isVisible());
    }

    @SuppressWarnings("unchecked")
    private void fill(FxRobot robot) {
        Map<String, String> fields = Map.of("data-trainSize", "200", "data-validationSize", "50",
                "model-batchSize", "50", "model-epochs", "1", "runs-repeats", "2", "runs-parallel", "2");
        robot.interact(() -> {
            robot.lookup("#model-name").queryAs(ComboBox.class).setValue(ModelName.TINY);
            fields.forEach((id, text) -> robot.lookup("#" + id).queryAs(TextField.class).setText(text));
        });
        assertFalse(robot.lookup("#runButton").queryAs(Button.class).isDisabled(),
                "the form rejects the settings: " + vm.controls().otherProblemsProperty().get());
    }
}

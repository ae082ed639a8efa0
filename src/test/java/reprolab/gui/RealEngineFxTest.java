package reprolab.gui;

import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import reprolab.analysis.FactorResult;
import reprolab.experiment.ModelName;
import reprolab.gui.ablation.RunnerAblationService;
import reprolab.gui.controls.ControlsViewModel;
import reprolab.gui.runs.RunRow;
import reprolab.run.ExperimentRunner;
import reprolab.run.ExperimentStore;
import reprolab.run.ScriptExperiments;
import reprolab.run.WorkerCommand;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real window over the real engine: worker JVMs train the tiny model and the store writes to a
 * temporary folder. Slow by nature (each worker is a JVM that loads DL4J, or a Python that imports
 * torch), so there are only three.
 */
@ExtendWith({ApplicationExtension.class, ClosesWindows.class})
class RealEngineFxTest {

    /** Two worker JVMs loading ND4J on a busy two-core machine can take most of a minute. */
    private static final int WORKERS_SECONDS = 120;

    static {
        System.setProperty("headless.geometry", "1600x1000-32");
    }

    @TempDir
    static Path store;
    private final ExecutorService background = BackgroundExecutor.create();
    private MainViewModel vm;

    @Start
    void start(Stage stage) {
        ControlsViewModel controls = new ControlsViewModel(false, Files::isReadable);
        ExperimentRunner runner = new ExperimentRunner(WorkerCommand.forCurrentJvm());
        ExperimentService service = new RunnerExperimentService(new ExperimentStore(store), runner);
        vm = new MainViewModel(service, new RunnerAblationService(new ExperimentStore(store), () -> runner), controls,
                background, Platform::runLater, System::nanoTime);
        stage.setScene(new MainWindow(vm, background).createScene());
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(vm::cancelAll).get(5, TimeUnit.SECONDS);
        background.shutdownNow();
    }

    @Test
    void twoSeededRepeatsOfTheTinyModelShowTwoCurvesAndBitwiseIdentical(FxRobot robot) throws Exception {
        fill(robot, Map.of("data-trainSize", "200", "data-validationSize", "50", "model-batchSize", "50",
                "model-epochs", "1", "runs-repeats", "2", "runs-parallel", "2"));
        robot.clickOn("#runButton");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> vm.runningProperty().get());
        WaitForAsyncUtils.waitFor(WORKERS_SECONDS, TimeUnit.SECONDS, () -> !vm.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("finished", status(0), "status line: " + vm.statusProperty().get());
        assertEquals("finished", status(1));
        XYSeriesCollection loss = (XYSeriesCollection) robot.lookup("#lossChart").queryAs(ChartViewer.class)
                .getChart().getXYPlot().getDataset(0);
        assertEquals(2, loss.getSeriesCount());
        assertEquals(5, loss.getSeries(0).getItemCount(), "iteration 0 and 4 updates");
        assertEquals(5, loss.getSeries(1).getItemCount());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#verdict").queryAs(Label.class)
                .getText().contains("bitwise identical"));
    }

    @Test
    void cancelAllMidRunStopsTheWorkersAndTheWindowStaysResponsive(FxRobot robot) throws Exception {
        fill(robot, Map.of("data-trainSize", "4000", "data-validationSize", "100", "model-batchSize", "10",
                "model-epochs", "3", "runs-repeats", "2", "runs-parallel", "2"));
        robot.clickOn("#runButton");
        WaitForAsyncUtils.waitFor(WORKERS_SECONDS, TimeUnit.SECONDS,
                () -> !vm.runs().rows().isEmpty() && vm.curves().pointCount(runId(0)) > 3);
        robot.clickOn("#cancelAllButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !vm.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("cancelled", status(0), "status line: " + vm.statusProperty().get());
        assertTrue(vm.curves().pointCount(runId(0)) < 1200, "the run stopped before its 1,200 updates");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> ProcessHandle.current().descendants().noneMatch(ProcessHandle::isAlive));
        robot.interact(() -> robot.lookup("#runs-repeats").queryAs(TextField.class).setText("0"));
        assertTrue(robot.lookup("#runButton").queryAs(Button.class).isDisabled());
        robot.interact(() -> robot.lookup("#runs-repeats").queryAs(TextField.class).setText("2"));
        assertFalse(robot.lookup("#runButton").queryAs(Button.class).isDisabled());
    }

    /**
     * Script mode (issue 24): the shipped tutorial-style script runs twice as two Python processes, and
     * with seed and hash seed fixed its runs are bitwise identical.
     */
    @Test
    void theSampleScriptRunsTwiceFromScriptModeAndFixedSeedsMakeItIdentical(FxRobot robot) throws Exception {
        assertTrue(robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class).getMenus().get(0).getItems()
                .stream().map(javafx.scene.control.MenuItem::getText).anyMatch("Open training script…"::equals));
        assertTrue(robot.lookup("#scriptMode").tryQuery().isEmpty(), "model mode first");
        // what File > Open training script… does once its dialog answers (the dialog itself is the OS's)
        robot.interact(() -> vm.script().open(Path.of("sample-data/scripts/digit_names.py")));
        var refusal = ScriptExperiments.gpuRefusal(); // imports torch: off the FX thread, as the app does
        robot.interact(() -> vm.script().gpuChecked(refusal));
        assertTrue(robot.lookup("#scriptMode").tryQuery().isPresent());
        assertTrue(robot.lookup("#model-name").tryQuery().isEmpty(), "the DL4J model settings are hidden");
        assertTrue(robot.lookup("#scriptDeterministic").queryAs(CheckBox.class).isDisabled(), "no GPU here");
        assertTrue(robot.lookup("#scriptGpuReason").queryAs(Label.class).getText().contains("sees none"));
        robot.interact(() -> {
            robot.lookup("#scriptArgs").queryAs(TextField.class).setText("--epochs 1 --limit 256");
            robot.lookup("#scriptRepeats").queryAs(TextField.class).setText("2");
            robot.lookup("#scriptSeed").queryAs(TextField.class).setText("7");
            robot.lookup("#scriptHashSeedOn").queryAs(CheckBox.class).setSelected(true);
            robot.lookup("#scriptHashSeed").queryAs(TextField.class).setText("42");
        });
        Button run = robot.lookup("#runButton").queryAs(Button.class);
        assertFalse(run.isDisabled(), "Script mode refuses: " + vm.script().problemProperty().get());

        robot.clickOn("#runButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.runningProperty().get());
        WaitForAsyncUtils.waitFor(WORKERS_SECONDS, TimeUnit.SECONDS, () -> !vm.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(2, vm.runs().rows().size(), "status line: " + vm.statusProperty().get());
        assertEquals("finished", vm.runs().rows().get(0).statusProperty().get(), vm.statusProperty().get());
        assertEquals("finished", vm.runs().rows().get(1).statusProperty().get());
        XYSeriesCollection loss = (XYSeriesCollection) robot.lookup("#lossChart").queryAs(ChartViewer.class)
                .getChart().getXYPlot().getDataset(0);
        assertEquals(2, loss.getSeriesCount());
        assertTrue(loss.getSeries(0).getItemCount() > 1, "the script's loss, step by step");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#verdict").queryAs(Label.class)
                .getText().contains("bitwise identical"));

        robot.clickOn("#backToModel");
        assertTrue(robot.lookup("#model-name").tryQuery().isPresent(), "back to the model settings");
        assertTrue(robot.lookup("#runButton").tryQuery().isPresent());
    }

    /**
     * The Ablation tab in Script mode (issue 24) on the shipped script, which seeds torch itself and takes
     * its class order from a set: ablated for seed and hash seed, 2 runs a group (six Python processes),
     * PYTHONHASHSEED breaks it from iteration 1 and the seed does not (the script's torch.manual_seed
     * wins), as `script --ablate` finds; the tab's report exports as the HTML page of a model's ablation.
     */
    @Test
    void theAblationTabInScriptModeFindsThatTheHashSeedBreaksTheSampleScriptAndTheSeedDoesNot(FxRobot robot)
            throws Exception {
        robot.interact(() -> vm.script().open(Path.of("sample-data/scripts/digit_names.py")));
        robot.interact(() -> robot.lookup("#scriptArgs").queryAs(TextField.class).setText("--limit 128"));
        robot.clickOn("Ablation");
        assertTrue(robot.lookup("#factor-dropout").tryQuery().isEmpty(), "no model factor for a script");
        robot.interact(() -> {
            robot.lookup("#factor-threads").queryAs(CheckBox.class).setSelected(false);
            robot.lookup("#ablationRepeats").queryAs(TextField.class).setText("2");
        });
        robot.clickOn("#ablationRun");
        WaitForAsyncUtils.waitFor(WORKERS_SECONDS, TimeUnit.SECONDS,
                () -> vm.ablation().reportProperty().get() != null || !vm.ablation().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        List<FactorResult> rows = vm.ablation().rows();
        assertEquals(List.of("baseline", "seed", "hashSeed"), rows.stream().map(FactorResult::factor).toList(),
                vm.ablation().statusProperty().get());
        assertFalse(rows.get(0).breaksReproducibility(), "everything fixed: identical");
        assertFalse(rows.get(1).breaksReproducibility(), "the script seeds torch itself");
        assertTrue(rows.get(2).breaksReproducibility());
        assertEquals(1, rows.get(2).firstDivergence().iteration(), "the class order changes the first step's targets");
        assertTrue(robot.lookup("#ablationVerdict").queryAs(Label.class).getText().contains("hashSeed"));

        Path page = store.resolve("script-ablation.html");
        FileCommandsViewModel files = new FileCommandsViewModel(new DialogService() {
            public Optional<Path> open(String title, String extension) {
                return Optional.empty();
            }

            public Optional<Path> save(String title, String extension) {
                return Optional.of(page);
            }
        }, vm.controls(), vm::currentRuns, runs -> "", vm::report, background, Platform::runLater);
        robot.interact(() -> files.exportAblationReport(vm.ablation().folder()));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.statusProperty().get().startsWith("Exported"));
        String html = Files.readString(page);
        assertTrue(html.contains("PYTHONHASHSEED drawn fresh for each run") && html.contains("hashSeed-02"),
                "the factor table and the runs of the script's ablation");
    }

    @SuppressWarnings("unchecked")
    private void fill(FxRobot robot, Map<String, String> fields) {
        robot.interact(() -> {
            robot.lookup("#model-name").queryAs(ComboBox.class).setValue(ModelName.TINY);
            fields.forEach((id, text) -> robot.lookup("#" + id).queryAs(TextField.class).setText(text));
        });
        assertFalse(robot.lookup("#runButton").queryAs(Button.class).isDisabled(),
                "the form rejects the settings: " + vm.controls().otherProblemsProperty().get());
    }

    private String runId(int index) {
        return vm.runs().rows().get(index).runId();
    }

    private String status(int index) {
        RunRow row = vm.runs().rows().get(index);
        return row.statusProperty().get();
    }
}

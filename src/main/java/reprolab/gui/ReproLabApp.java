package reprolab.gui;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import reprolab.gui.ablation.RunnerAblationService;
import reprolab.gui.controls.ControlsViewModel;
import reprolab.run.ExperimentRunner;
import reprolab.run.ExperimentStore;
import reprolab.run.SlurmCommands;
import reprolab.run.WorkerCommand;
import reprolab.gui.target.RunTargetViewModel;

import java.nio.file.Files;
import java.util.concurrent.ExecutorService;

/** The desktop app. The command line starts it with {@link #main}. */
public class ReproLabApp extends Application {

    private ExecutorService background;
    private MainWindow window;
    private MainViewModel vm;

    /** Entry point the CLI calls; blocks until the window closes. */
    public static void main(String[] args) {
        Application.launch(ReproLabApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        background = BackgroundExecutor.create();
        ControlsViewModel controls = new ControlsViewModel(ControlsViewModel.detectCuda(),
                path -> Files.isRegularFile(path) && Files.isReadable(path));
        ExperimentStore store = new ExperimentStore(ExperimentStore.defaultRoot());
        ExperimentRunner runner = new ExperimentRunner(WorkerCommand.forCurrentJvm());
        RunTargetViewModel targets = new RunTargetViewModel(SlurmCommands.fromEnvironment(), WorkerCommand.forCurrentJvm());
        vm = new MainViewModel(new RunnerExperimentService(store, runner).choosingTargetWith(targets::target),
                new RunnerAblationService(store, () -> targets.target(runner)), controls, background,
                Platform::runLater, System::nanoTime);
        vm.offerTargets(targets);
        window = new MainWindow(vm, background);
        stage.setTitle("ReproLab: why seeded runs differ");
        for (int size : new int[]{16, 32, 48, 64, 128, 256}) {
            java.net.URL icon = ReproLabApp.class.getResource("/icons/reprolab-" + size + ".png");
            if (icon != null) {
                stage.getIcons().add(new javafx.scene.image.Image(icon.toExternalForm()));
            }
        }
        stage.setScene(window.createScene());
        stage.setOnCloseRequest(e -> vm.shutdown());
        stage.show();
        java.nio.file.Path screenshot = Screenshot.requested();
        if (screenshot != null) {
            Screenshot.takeAndExit(stage.getScene(), window.tabs(), screenshot);
        }
        shown(stage.getScene(), window.tabs(), vm);
    }

    /**
     * Called once the window is on screen; the screenshot tour (a tool in the test sources, started by
     * packaging/screenshots.sh) drives the window from here. The app itself does nothing.
     */
    protected void shown(javafx.scene.Scene scene, javafx.scene.control.TabPane tabs, MainViewModel viewModel) {
    }

    @Override
    public void stop() {
        if (vm != null) {
            vm.shutdown();
        }
        if (window != null) {
            window.stop();
        }
        if (background != null) {
            background.shutdownNow();
        }
    }

}

package reprolab.gui;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import reprolab.gui.controls.ControlsViewModel;

import java.nio.file.Files;
import java.util.concurrent.ExecutorService;

/** The desktop app. The command line starts it with {@link #main}. */
public final class ReproLabApp extends Application {

    private ExecutorService background;
    private MainWindow window;

    /** Entry point the CLI calls; blocks until the window closes. */
    public static void main(String[] args) {
        Application.launch(ReproLabApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        background = BackgroundExecutor.create();
        ControlsViewModel controls = new ControlsViewModel(ControlsViewModel.detectCuda(), Files::isReadable);
        MainViewModel vm = new MainViewModel(createService(), controls, background, Platform::runLater, System::nanoTime);
        window = new MainWindow(vm, background);
        stage.setTitle("ReproLab: why seeded runs differ");
        stage.setScene(window.createScene());
        stage.setOnCloseRequest(e -> vm.cancelAll());
        stage.show();
    }

    @Override
    public void stop() {
        if (window != null) {
            window.stop();
        }
        if (background != null) {
            background.shutdownNow();
        }
    }

    private static ExperimentService createService() {
        return RunnerExperimentService.createDefault();
    }
}

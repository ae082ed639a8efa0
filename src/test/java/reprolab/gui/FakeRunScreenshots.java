package reprolab.gui;

import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.stage.Stage;
import reprolab.gui.controls.ControlsViewModel;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A tool, not a test: runs a fake experiment (5 repeats) and a fake ablation in the real window,
 * headless, and writes a PNG of each tab into {@code target/screenshots/} for a person to look at.
 * <pre>java -Dprism.order=sw -Dglass.platform=Monocle -Dmonocle.platform=Headless -cp ... reprolab.gui.FakeRunScreenshots</pre>
 */
public final class FakeRunScreenshots {

    private static final Path SHOTS = Path.of("target", "screenshots");

    private FakeRunScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("headless.geometry", "1440x900-32");
        for (String[] p : new String[][]{{"glass.platform", "Monocle"}, {"monocle.platform", "Headless"},
                {"prism.order", "sw"}}) {
            if (System.getProperty(p[0]) == null) {
                System.setProperty(p[0], p[1]);
            }
        }
        CompletableFuture<Void> up = new CompletableFuture<>();
        Platform.startup(() -> up.complete(null));
        up.get();
        ExecutorService background = BackgroundExecutor.create();
        FakeExperimentService engine = new FakeExperimentService(200, 1);
        CompletableFuture<MainWindow> shown = new CompletableFuture<>();
        MainViewModel[] vm = new MainViewModel[1];
        Platform.runLater(() -> {
          try {
            vm[0] = new MainViewModel(engine, new FakeAblationService(), new ControlsViewModel(false, p -> true),
                    background, Platform::runLater, System::nanoTime);
            MainWindow window = new MainWindow(vm[0], background);
            Stage stage = new Stage();
            stage.setScene(window.createScene());
            stage.show();
            vm[0].controls().text("runs.repeats").set("5");
            vm[0].run();
            vm[0].ablation().run();
            shown.complete(window);
          } catch (RuntimeException e) {
            shown.completeExceptionally(e);
          }
        });
        MainWindow window = shown.get(60, TimeUnit.SECONDS);
        while (engine.started.isEmpty() || !engine.started.get(0).isDone() || onFx(() -> vm[0].runningProperty().get()
                || vm[0].divergence().busyProperty().get())) {
            Thread.sleep(100);
        }
        Files.createDirectories(SHOTS);
        for (String tab : args.length > 0 ? args : new String[]{"Curves", "Divergence", "Ablation"}) {
            onFx(() -> {
                window.tabs().getTabs().stream().filter(t -> t.getText().equals(tab)).findFirst()
                        .ifPresent(t -> window.tabs().getSelectionModel().select(t));
                return null;
            });
            Thread.sleep(800); // layout and chart redraw on the next pulses
            Path png = SHOTS.resolve("fake-" + tab.toLowerCase() + ".png");
            onFx(() -> {
                Scene scene = window.root().getScene();
                ImageIO.write(SwingFXUtils.fromFXImage(scene.snapshot(null), null), "png", png.toFile());
                return null;
            });
            System.out.println("wrote " + png.toAbsolutePath());
        }
        background.shutdownNow();
        Platform.exit();
        System.exit(0);
    }

    private static <T> T onFx(ScreenshotTour.FxCall<T> call) throws Exception {
        return ScreenshotTour.onFx(call, 10);
    }
}

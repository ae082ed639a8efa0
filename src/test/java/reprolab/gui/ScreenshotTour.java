package reprolab.gui;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.SpecJson;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Pictures of every tab from a real run, for the documentation, when the app is started with
 * {@code -Dreprolab.tour=DIR} (and {@code -Dreprolab.tour.spec=SPEC.json}): the window as it first
 * opens, then the experiment of the spec is run and the Curves, Divergence and History tabs are drawn,
 * then an ablation of the four seeds is drawn while it runs and once it has ended. Each picture is the
 * app drawing itself ({@link Screenshot}), so it does not depend on a window manager.
 * {@code packaging/screenshots.sh} runs it under Xvfb at 1440x900; the app exits when done (status
 * {@link Screenshot#FAILED} on failure).
 */
final class ScreenshotTour {

    /** The app reports through its logger (the CLI owns the standard streams; LayeringTest). */
    private static final System.Logger LOG = System.getLogger(ScreenshotTour.class.getName());


    /** The system property naming the folder the PNGs go to. */
    static final String PROPERTY = "reprolab.tour";
    /** Long enough for layout, CSS and the charts' next pulse. */
    private static final long SETTLE_MS = 1500;
    private static final long RUN_LIMIT_MS = TimeUnit.MINUTES.toMillis(15);

    private final Scene scene;
    private final TabPane tabs;
    private final MainViewModel vm;
    private final Path dir;

    private ScreenshotTour(Scene scene, TabPane tabs, MainViewModel vm, Path dir) {
        this.scene = scene;
        this.tabs = tabs;
        this.vm = vm;
        this.dir = dir;
    }

    /** The requested folder, or null when the app runs normally. */
    /**
     * packaging/screenshots.sh's entry point (test classes on the class path): the real app, which
     * starts the tour into {@code -Dreprolab.tour=DIR} once its window is on screen.
     */
    public static void main(String[] args) {
        javafx.application.Application.launch(TourApp.class, args);
    }

    /** The app with the tour started from its window-shown hook. */
    public static final class TourApp extends ReproLabApp {
        @Override
        protected void shown(Scene scene, TabPane tabs, MainViewModel vm) {
            Path dir = requested();
            if (dir == null) {
                throw new IllegalStateException("no -D" + PROPERTY + "=DIR: where should the screenshots go?");
            }
            ScreenshotTour.start(scene, tabs, vm, dir);
        }
    }

    static Path requested() {
        String d = System.getProperty(PROPERTY);
        return d == null || d.isBlank() ? null : Path.of(d);
    }

    /** Starts the tour on its own thread; it drives the window through the FX thread. */
    static void start(Scene scene, TabPane tabs, MainViewModel vm, Path dir) {
        Thread t = new Thread(() -> new ScreenshotTour(scene, tabs, vm, dir).runOrExit(), "screenshot-tour");
        t.setDaemon(true);
        t.start();
    }

    private void runOrExit() {
        try {
            tour();
            Platform.exit();
        } catch (Exception failure) {
            LOG.log(System.Logger.Level.ERROR, "the screenshot tour failed: " + failure, failure);
            System.exit(Screenshot.FAILED);
        }
    }

    private void tour() throws Exception {
        Thread.sleep(SETTLE_MS);
        shoot("Curves", "1-first-start.png");
        String spec = System.getProperty(PROPERTY + ".spec");
        if (spec != null) {
            ExperimentSpec loaded = SpecJson.read(Path.of(spec));
            onFx(() -> {
                vm.controls().load(loaded);
                return null;
            });
        }
        onFx(() -> {
            vm.run();
            return null;
        });
        waitFor(() -> onFxQuietly(() -> !vm.runningProperty().get() && !vm.divergence().busyProperty().get()));
        shoot("Curves", "2-curves.png");
        shoot("Divergence", "3-divergence.png");
        shoot("History", "4-history.png");
        if (vm.ablation() == null) {
            return;
        }
        onFx(() -> {
            vm.ablation().repeatsProperty().set("2");
            vm.ablation().run();
            return null;
        });
        // mid-run: once a few runs have ended, so the table shows every state
        waitFor(() -> onFxQuietly(() -> vm.ablation().progress().runs().rows().stream().filter(r -> r.isEnded())
                .count() >= 3 || !vm.ablation().runningProperty().get()));
        shoot("Ablation", "5-ablation-running.png");
        waitFor(() -> onFxQuietly(() -> !vm.ablation().runningProperty().get()));
        shoot("Ablation", "6-ablation.png");
    }

    private void shoot(String tab, String file) throws Exception {
        onFx(() -> {
            tabs.getTabs().stream().filter(t -> t.getText().equals(tab)).findFirst()
                    .ifPresent(t -> tabs.getSelectionModel().select(t));
            return null;
        });
        Thread.sleep(SETTLE_MS);
        onFx(() -> {
            Screenshot.write(scene.snapshot(null), dir.resolve(file));
            return null;
        });
        LOG.log(System.Logger.Level.INFO, "wrote " + dir.resolve(file));
    }

    private static void waitFor(BooleanSupplier done) throws Exception {
        long until = System.currentTimeMillis() + RUN_LIMIT_MS;
        while (!done.getAsBoolean()) {
            if (System.currentTimeMillis() > until) {
                throw new IllegalStateException("the runs did not end within " + RUN_LIMIT_MS / 60_000 + " minutes");
            }
            Thread.sleep(250);
        }
    }

    /** Work for the FX thread that may throw. */
    interface FxCall<T> {
        T call() throws Exception;
    }

    private static <T> T onFx(FxCall<T> call) throws Exception {
        return onFx(call, 60);
    }

    /** Runs {@code call} on the FX thread and waits up to {@code seconds} for its result (also for the test tool). */
    static <T> T onFx(FxCall<T> call, long seconds) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(call.call());
            } catch (Exception | Error e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(seconds, TimeUnit.SECONDS);
    }

    private static boolean onFxQuietly(Supplier<Boolean> call) {
        try {
            return onFx(call::get);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

package reprolab.gui;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.jfree.chart.event.ChartProgressEvent;
import org.jfree.chart.fx.ChartViewer;
import reprolab.gui.controls.ControlsViewModel;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * A benchmark, not a test: streams 10 runs × 2,000 iterations of made-up events through the real
 * {@link MainViewModel} and {@link MainWindow} (Curves tab in front) and prints what each ~10 Hz pulse
 * costs the FX thread. Run headless with Monocle, see docs/performance.md ("Desktop app"):
 * <pre>java -Dprism.order=sw -Dglass.platform=Monocle -Dmonocle.platform=Headless -cp ... reprolab.gui.GuiLoadBench [rate [tab]]</pre>
 * {@code rate} is iterations per second per run, 0 (the default) emits as fast as one thread can;
 * {@code tab} is the tab in front (default Curves).
 */
public final class GuiLoadBench {

    private static final int RUNS = 10;
    private static final int ITERATIONS = 2000;
    private final List<Long> pulseNanos = new ArrayList<>();
    private final List<Long> chartNanos = new ArrayList<>();
    private final List<Long> drawNanos = new ArrayList<>();
    private final List<Long> eventsPerPulse = new ArrayList<>();
    private final List<Long> fxTaskNanos = new ArrayList<>();
    private final List<Long> frameGaps = new ArrayList<>();
    private final BenchEngine engine;
    private final CountDownLatch finished = new CountDownLatch(1);
    private MainViewModel vm;
    private long chartStart;
    private long chartSum;
    private long lastEmitted;
    private long drawStart;
    private long drawSum;
    private boolean inTask;

    private final String tab;

    private GuiLoadBench(double rate, String tab) {
        engine = new BenchEngine(ITERATIONS, rate);
        this.tab = tab;
    }

    public static void main(String[] args) throws Exception {
        defaultProperty("glass.platform", "Monocle");
        defaultProperty("monocle.platform", "Headless");
        defaultProperty("prism.order", "sw");
        defaultProperty("headless.geometry", "1600x1000-32");
        double rate = args.length > 0 ? Double.parseDouble(args[0]) : 0;
        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(up::countDown);
        up.await();
        String tab = args.length > 1 ? args[1] : "Curves";
        new GuiLoadBench(rate, tab).measure(rate);
        Platform.exit();
        System.exit(0);
    }

    private static void defaultProperty(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    private void measure(double rate) throws InterruptedException {
        ExecutorService background = BackgroundExecutor.create();
        long t0 = System.nanoTime();
        Platform.runLater(() -> open(background));
        if (!finished.await(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the bench did not finish within 10 minutes");
        }
        long total = System.nanoTime() - t0;
        background.shutdownNow();
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        report(rate, total, heap);
    }

    /** Builds the window on the FX thread, replaces its pulse by a timed one, and presses Run. */
    private void open(ExecutorService background) {
        Executor fx = task -> Platform.runLater(() -> {
            long s = System.nanoTime();
            inTask = true;
            task.run();
            inTask = false;
            fxTaskNanos.add(System.nanoTime() - s);
        });
        vm = new MainViewModel(engine, new ControlsViewModel(false, p -> true), background, fx, System::nanoTime);
        // registered before the view's own listener: marks the start of the chart update
        vm.curves().versionProperty().addListener((o, a, b) -> chartStart = System.nanoTime());
        MainWindow window = new MainWindow(vm, background);
        vm.curves().versionProperty().addListener((o, a, b) -> chartSum += System.nanoTime() - chartStart);
        Stage stage = new Stage();
        stage.setScene(window.createScene());
        stage.show();
        window.pulseObserver = this::pulseApplied;
        for (String id : List.of("#lossChart", "#accuracyChart", "#gapChart")) {
            ((ChartViewer) stage.getScene().lookup(id)).getChart().addProgressListener(this::drawProgress);
        }
        window.tabs().getTabs().stream().filter(t -> t.getText().equals(tab)).findFirst()
                .ifPresent(t -> window.tabs().getSelectionModel().select(t));
        new FrameClock().start();
        vm.controls().text("runs.repeats").set(String.valueOf(RUNS));
        vm.controls().text("runs.parallel").set(String.valueOf(RUNS));
        vm.run();
    }

    private void drawProgress(ChartProgressEvent e) {
        if (e.getType() == ChartProgressEvent.DRAWING_STARTED) {
            drawStart = System.nanoTime();
        } else if (e.getType() == ChartProgressEvent.DRAWING_FINISHED && !inTask) {
            drawSum += System.nanoTime() - drawStart;
        }
    }

    /** Called by the window after each pulse that applied events, with its duration. */
    private void pulseApplied(long took) {
        long emitted = engine.emitted.get();
        pulseNanos.add(took);
        chartNanos.add(chartSum);
        drawNanos.add(drawSum);
        eventsPerPulse.add(emitted - lastEmitted);
        lastEmitted = emitted;
        chartSum = 0;
        drawSum = 0;
    }

    private void checkFinished() {
        BenchEngine.Handle h = engine.handle;
        if (h != null && h.isDone() && !vm.runningProperty().get() && !vm.divergence().busyProperty().get()) {
            finished.countDown();
        }
    }

    /** Gaps between rendered frames: what a user sees as smooth or janky. */
    private final class FrameClock extends AnimationTimer {
        private long last;

        @Override
        public void handle(long now) {
            if (last != 0 && finished.getCount() > 0) {
                frameGaps.add(now - last);
            }
            last = now;
            checkFinished();
        }
    }

    private void report(double rate, long totalNanos, long heapBytes) {
        System.out.printf(Locale.ROOT, "GuiLoadBench: %d runs x %d iterations, rate %s, %s tab in front, %d pulses"
                + " with events%n", RUNS, ITERATIONS, rate > 0 ? rate + " it/s per run" : "full speed", tab,
                pulseNanos.size());
        line("pulse on FX thread (ms)", pulseNanos, 1e-6);
        line("  of which chart update (ms)", chartNanos, 1e-6);
        line("  of which drawing charts (ms)", drawNanos, 1e-6);
        line("events per pulse", eventsPerPulse, 1);
        line("FX tasks: analysis results etc. (ms)", fxTaskNanos, 1e-6);
        line("gap between frames (ms)", frameGaps, 1e-6);
        System.out.printf(Locale.ROOT, "total %.1f s, heap used after GC %.0f MB, points on screen %d%n",
                totalNanos / 1e9, heapBytes / 1e6, RUNS * (ITERATIONS + 1));
    }

    private static void line(String what, List<Long> values, double scale) {
        if (values.isEmpty()) {
            System.out.printf(Locale.ROOT, "%-40s none%n", what);
            return;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        double sum = sorted.stream().mapToLong(Long::longValue).sum() * scale;
        System.out.printf(Locale.ROOT, "%-40s n=%-5d median %8.2f  p90 %8.2f  max %8.2f  sum %10.1f%n", what,
                sorted.size(), sorted.get(sorted.size() / 2) * scale, sorted.get(sorted.size() * 9 / 10) * scale,
                sorted.get(sorted.size() - 1) * scale, sum);
    }
}

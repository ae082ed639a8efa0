package reprolab.gui;

import reprolab.events.FinishedEvent;
import reprolab.events.IterationEvent;
import reprolab.events.LayerFingerprint;
import reprolab.events.RunHistory;
import reprolab.events.WorkerEvent;
import reprolab.experiment.ExperimentSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A made-up engine for {@link GuiLoadBench}: {@code runs} runs of {@code iterations} iterations each,
 * emitted on one thread at a given rate (0 = as fast as possible), with loss curves that differ a little
 * from run to run and fingerprints that diverge from iteration 3. Analysis is the real one.
 */
final class BenchEngine implements ExperimentService {

    private static final List<String> LAYERS = List.of("conv_0", "dense_0", "output");
    private final int iterations;
    private final double iterationsPerSecond;
    private final ExperimentService analysis = new RunnerExperimentService(null, null);
    /** Events handed to the listener so far, for the events-per-pulse figure. */
    final AtomicLong emitted = new AtomicLong();
    volatile Handle handle;

    BenchEngine(int iterations, double iterationsPerSecond) {
        this.iterations = iterations;
        this.iterationsPerSecond = iterationsPerSecond;
    }

    @Override
    public RunningHandle start(ExperimentSpec spec, RunEventListener listener) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < spec.runs().repeats(); i++) {
            ids.add("run-" + i);
        }
        Handle h = new Handle(ids, listener);
        handle = h;
        Thread t = new Thread(h::emitAll, "bench-engine");
        t.setDaemon(true);
        t.start();
        return h;
    }

    static IterationEvent iteration(int k, int run) {
        double noise = run == 0 || k < 3 ? 0 : 1e-3 * Math.sin(k * 0.37 + run);
        List<LayerFingerprint> layers = new ArrayList<>();
        for (String l : LAYERS) {
            String hash = run > 0 && k >= 3 && !l.equals("conv_0") ? l + k + "-" + run : l + k;
            layers.add(new LayerFingerprint(l, hash, 1.0 + noise));
        }
        Double loss = k == 0 ? null : 2.3 * Math.exp(-k / 500.0) + 0.05 + noise;
        Double acc = k == 0 ? null : Math.min(1, 0.1 + 0.85 * (1 - Math.exp(-k / 300.0)) + noise);
        return new IterationEvent(k, 0, loss, acc, layers, "m" + layers.get(2).hash(), 0);
    }

    final class Handle extends RecordingHandle {
        private volatile boolean done;

        Handle(List<String> ids, RunEventListener listener) {
            super(ids, listener, Path.of("/tmp/bench-experiment"));
        }

        void emitAll() {
            ids.forEach(id -> emit(id, FakeExperimentService.startedEvent(id, iterations)));
            long start = System.nanoTime();
            for (int k = 0; k <= iterations && !cancelled; k++) {
                for (int r = 0; r < ids.size(); r++) {
                    emit(ids.get(r), iteration(k, r));
                }
                if (iterationsPerSecond > 0) {
                    long due = start + (long) (k / iterationsPerSecond * 1e9);
                    LockSupport.parkNanos(due - System.nanoTime());
                }
            }
            ids.forEach(id -> emit(id, new FinishedEvent("final", iterations, 1, 0.1, 0.5, 0.8, false, -1)));
            done = true;
            listener.onAllEnded(snapshot());
        }

        @Override
        protected void emit(String id, WorkerEvent e) {
            emitted.incrementAndGet();
            super.emit(id, e);
        }

        @Override
        public boolean isDone() {
            return done;
        }
    }

    @Override
    public List<StoredExperiment> list() {
        return List.of();
    }

    @Override
    public OpenedExperiment open(Path folder) throws ServiceException {
        throw new ServiceException("the bench stores nothing");
    }

    @Override
    public void rename(Path folder, String newName) {
    }

    @Override
    public void delete(Path folder) {
    }

    @Override
    public AnalysisResult analyse(List<RunHistory> runs) {
        return analysis.analyse(runs);
    }

    @Override
    public String seriesCsv(List<RunHistory> runs) {
        return "";
    }
}

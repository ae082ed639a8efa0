package reprolab.gui;

import reprolab.events.FailedEvent;
import reprolab.events.FailureCause;
import reprolab.events.FinishedEvent;
import reprolab.events.IterationEvent;
import reprolab.events.LayerFingerprint;
import reprolab.events.Provenance;
import reprolab.events.RunHistory;
import reprolab.events.StartedEvent;
import reprolab.experiment.ExperimentSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * An in-memory engine: each run reports {@code iterations} updates on its own thread (run 0 and the
 * others diverge from iteration 3 in layer dense_0), then finishes, unless cancelled.
 */
final class FakeExperimentService implements ExperimentService {

    private final int iterations;
    private final long millisPerIteration;
    final List<FakeHandle> started = new CopyOnWriteArrayList<>();
    final List<StoredExperiment> stored = new CopyOnWriteArrayList<>();

    FakeExperimentService(int iterations, long millisPerIteration) {
        this.iterations = iterations;
        this.millisPerIteration = millisPerIteration;
    }

    static IterationEvent iteration(int k, String denseHash) {
        List<LayerFingerprint> layers = List.of(new LayerFingerprint("conv_0", "aaaa", 1.0),
                new LayerFingerprint("dense_0", denseHash, 2.0));
        return new IterationEvent(k, 0, k == 0 ? null : 2.3 / (k + 1), k == 0 ? null : Math.min(1, 0.1 * k), layers,
                "m" + denseHash, 0);
    }

    static StartedEvent startedEvent(String runId, int total) {
        Provenance p = new Provenance("hash", ExperimentSpec.defaults(), null, Map.of(), "CpuBackend", "test", true,
                "cpu", "os", "java", Map.of(), List.of("conv_0", "dense_0"), total);
        return new StartedEvent(runId, p);
    }

    @Override
    public RunningHandle start(ExperimentSpec spec, RunEventListener listener) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < spec.runs().repeats(); i++) {
            ids.add("run-" + i);
        }
        FakeHandle handle = new FakeHandle(ids, listener);
        started.add(handle);
        Thread t = new Thread(handle::emitAll, "fake-engine");
        t.setDaemon(true);
        t.start();
        return handle;
    }

    final class FakeHandle extends RecordingHandle {
        final CountDownLatch done = new CountDownLatch(1);

        FakeHandle(List<String> ids, RunEventListener listener) {
            super(ids, listener, Path.of("/tmp/fake-experiment"));
        }

        void emitAll() {
            ids.forEach(id -> emit(id, startedEvent(id, iterations)));
            for (int k = 0; k <= iterations && !cancelled; k++) {
                for (int r = 0; r < ids.size(); r++) {
                    emit(ids.get(r), iteration(k, r > 0 && k >= 3 ? "b" + r : "same"));
                }
                pause();
            }
            for (String id : ids) {
                emit(id, cancelled ? new FailedEvent("cancelled by the user", -1, FailureCause.CANCELLED)
                        : new FinishedEvent("final", iterations, 1, 0.1, 0.5, 0.8, false, -1));
            }
            listener.onAllEnded(snapshot());
            done.countDown();
        }

        private void pause() {
            if (millisPerIteration > 0) {
                try {
                    Thread.sleep(millisPerIteration);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    cancelled = true;
                }
            }
        }

        @Override
        public boolean isDone() {
            return done.getCount() == 0;
        }

        boolean wasCancelled() {
            return cancelled;
        }
    }

    @Override
    public List<StoredExperiment> list() {
        return List.copyOf(stored);
    }

    @Override
    public OpenedExperiment open(Path folder) throws ServiceException {
        throw new ServiceException("no such experiment " + folder);
    }

    @Override
    public void rename(Path folder, String newName) {
        stored.replaceAll(e -> e.folder().equals(folder)
                ? new StoredExperiment(folder, newName, e.created(), e.runs(), e.problem()) : e);
    }

    @Override
    public void delete(Path folder) {
        stored.removeIf(e -> e.folder().equals(folder));
    }

    /** When set, what every analysis answers (a test shows a chosen result). */
    volatile AnalysisResult fixedAnalysis;

    @Override
    public AnalysisResult analyse(List<RunHistory> runs) {
        if (fixedAnalysis != null) {
            return fixedAnalysis;
        }
        boolean identical = runs.stream().map(r -> r.iterations().isEmpty() ? "" : r.iterations()
                .get(r.iterations().size() - 1).modelHash()).distinct().count() <= 1;
        List<AnalysisResult.Pair> pairs = new ArrayList<>();
        for (int a = 0; a < runs.size(); a++) {
            for (int b = a + 1; b < runs.size(); b++) {
                pairs.add(new AnalysisResult.Pair(runs.get(a).runId(), runs.get(b).runId(), a > 0, a > 0 ? null : 3,
                        a > 0 ? null : "dense_0"));
            }
        }
        String verdict = identical ? "All " + runs.size() + " runs are bitwise identical."
                : "Runs differ from iteration 3 in layer dense_0.";
        return new AnalysisResult(verdict, identical, identical ? null : 3, identical ? null : "dense_0", null, pairs,
                List.of(new AnalysisResult.Gap(3, 1e-8, 1e-7), new AnalysisResult.Gap(4, 1e-6, 1e-5)));
    }

    @Override
    public String seriesCsv(List<RunHistory> runs) {
        return "run,iteration\n";
    }
}

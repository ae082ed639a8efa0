package reprolab.gui;

import reprolab.analysis.AblationReport;
import reprolab.analysis.Divergence;
import reprolab.analysis.FactorResult;
import reprolab.analysis.Stats;
import reprolab.events.FailedEvent;
import reprolab.events.FailureCause;
import reprolab.events.FinishedEvent;
import reprolab.experiment.ExperimentSpec;
import reprolab.gui.ablation.AblationService;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-memory ablation: the baseline group and one group per factor, {@code repeats} runs each, run
 * one after another on their own thread, each reporting {@code iterations} updates; then a report of
 * the baseline plus one row per requested factor. A cancel ends the current run and every later one
 * as cancelled.
 */
final class FakeAblationService implements AblationService {

    private static final Stats SAME = new Stats(3, 0.9, 0, 0.9, 0.9);
    private final int iterations;
    private final long millisPerIteration;
    final List<FakeAblation> started = new CopyOnWriteArrayList<>();
    /** What each start was given: its baseline and its factors. */
    final List<ExperimentSpec> baselines = new CopyOnWriteArrayList<>();
    final List<List<String>> factorLists = new CopyOnWriteArrayList<>();

    /** Fast: five updates per run, no pauses. */
    FakeAblationService() {
        this(5, 0);
    }

    FakeAblationService(int iterations, long millisPerIteration) {
        this.iterations = iterations;
        this.millisPerIteration = millisPerIteration;
    }

    @Override
    public Handle start(ExperimentSpec baseline, int repeats, List<String> factors, RunEventListener listener) {
        baselines.add(baseline);
        factorLists.add(List.copyOf(factors));
        Map<String, String> groups = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(List.of("baseline"));
        names.addAll(factors);
        for (String g : names) {
            for (int i = 1; i <= repeats; i++) {
                groups.put(g + "-" + i, g);
            }
        }
        FakeAblation ablation = new FakeAblation(groups, listener, report(repeats, factors));
        started.add(ablation);
        Thread t = new Thread(ablation::emitAll, "fake-ablation");
        t.setDaemon(true);
        t.start();
        return ablation;
    }

    private static AblationReport report(int repeats, List<String> factors) {
        List<FactorResult> rows = new ArrayList<>();
        rows.add(new FactorResult("baseline", "everything seeded", false, null, SAME, SAME, 0));
        for (String f : factors) {
            rows.add(new FactorResult(f, f + " varies", true, new Divergence(1, "dense_0"),
                    new Stats(repeats, 0.9, 0.01, 0.88, 0.92), SAME, 1.0 / factors.size()));
        }
        return new AblationReport(rows, "Every seed you vary breaks reproducibility.");
    }

    final class FakeAblation extends RecordingHandle implements Handle {
        private final Map<String, String> groups;
        private final CompletableFuture<AblationReport> completion = new CompletableFuture<>();
        private final AblationReport report;

        FakeAblation(Map<String, String> groups, RunEventListener listener, AblationReport report) {
            super(new ArrayList<>(groups.keySet()), listener, Path.of("/tmp/fake-ablation"));
            this.groups = groups;
            this.report = report;
        }

        void emitAll() {
            for (String id : ids) {
                if (cancelled) {
                    emit(id, new FailedEvent("cancelled by the user", -1, FailureCause.CANCELLED));
                    continue;
                }
                emit(id, FakeExperimentService.startedEvent(id, iterations));
                int k = 0;
                for (; k <= iterations && !cancelled; k++) {
                    emit(id, FakeExperimentService.iteration(k, "same"));
                    pause();
                }
                emit(id, cancelled ? new FailedEvent("cancelled by the user", -1, FailureCause.CANCELLED)
                        : new FinishedEvent("final", iterations, 1, 0.1, 0.5, 0.8, false, -1));
            }
            listener.onAllEnded(snapshot());
            completion.complete(report);
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

        boolean wasCancelled() {
            return cancelled;
        }

        @Override
        public int runCount() {
            return ids.size();
        }

        @Override
        public Map<String, String> groups() {
            return groups;
        }

        @Override
        public CompletableFuture<AblationReport> completion() {
            return completion;
        }

        @Override
        public boolean isDone() {
            return completion.isDone();
        }
    }

    @Override
    public List<String> factors() {
        return List.of("weightInit", "dropout", "shuffle", "split", "threads");
    }
}

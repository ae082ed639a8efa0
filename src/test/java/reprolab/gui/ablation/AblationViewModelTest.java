package reprolab.gui.ablation;

import org.junit.jupiter.api.Test;
import reprolab.analysis.AblationReport;
import reprolab.analysis.Divergence;
import reprolab.analysis.FactorResult;
import reprolab.analysis.Stats;
import reprolab.events.FailedEvent;
import reprolab.events.FailureCause;
import reprolab.events.FinishedEvent;
import reprolab.events.IterationEvent;
import reprolab.events.Provenance;
import reprolab.events.StartedEvent;
import reprolab.experiment.ExperimentSpec;
import reprolab.gui.RunEventListener;
import reprolab.gui.runs.RunRow;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AblationViewModelTest {

    /** Records what it was asked to start; the test completes or cancels it. */
    private static final class FakeAblations implements AblationService {
        CompletableFuture<AblationReport> done = new CompletableFuture<>();
        List<String> startedFactors;
        int startedRepeats;
        RunEventListener listener;
        boolean cancelled;
        int starts;

        @Override
        public Handle start(ExperimentSpec baseline, int repeats, List<String> factors, RunEventListener events) {
            starts++;
            startedFactors = factors;
            startedRepeats = repeats;
            listener = events;
            Map<String, String> groups = new LinkedHashMap<>();
            for (String g : List.of("baseline", factors.get(0))) {
                for (int i = 1; i <= repeats; i++) {
                    groups.put(g + "-" + i, g);
                }
            }
            return new Handle() {
                public Map<String, String> groups() {
                    return groups;
                }

                public Path folder() {
                    return Path.of("/tmp/ablation");
                }

                public int runCount() {
                    return repeats * (factors.size() + 1);
                }

                public CompletableFuture<AblationReport> completion() {
                    return done;
                }

                public void cancelAll() {
                    cancelled = true;
                }
            };
        }

        @Override
        public List<String> factors() {
            return List.of("weightInit", "dropout", "shuffle", "split", "threads", "learningRate");
        }
    }

    private static final Stats SAME = new Stats(3, 0.9, 0, 0.9, 0.9);
    private static final AblationReport REPORT = new AblationReport(List.of(
            new FactorResult("baseline", "everything seeded", false, null, SAME, SAME, 0),
            new FactorResult("dropout", "dropout seed varies", true, new Divergence(1, "dense_0"),
                    new Stats(3, 0.9, 0.02, 0.88, 0.92), SAME, 1.0)),
            "Only dropout breaks reproducibility.");

    private final FakeAblations service = new FakeAblations();
    private ExperimentSpec form = ExperimentSpec.defaults();
    private final AblationViewModel vm = new AblationViewModel(service, () -> form, Runnable::run, Runnable::run,
            Runnable::run);

    @Test
    void theFourSeedsAreChosenByDefaultAndRunStartsThemWithTheRepeats() {
        vm.repeatsProperty().set("4");
        vm.run();
        assertEquals(List.of("weightInit", "dropout", "shuffle", "split"), service.startedFactors);
        assertEquals(4, service.startedRepeats);
        assertTrue(vm.runningProperty().get());
        assertTrue(vm.statusProperty().get().startsWith("Running 20 runs on this computer, stored in "),
                vm.statusProperty().get());
    }

    @Test
    void theReportFillsTheTableTheSpreadAndTheVerdictWhenTheRunsEnd() {
        vm.select(List.of("dropout"));
        vm.run();
        service.done.complete(REPORT);
        assertFalse(vm.runningProperty().get());
        assertEquals(2, vm.rows().size());
        assertEquals("Only dropout breaks reproducibility.", vm.reportProperty().get().verdict());
        assertEquals(0.02, AblationViewModel.spread(vm.rows().get(1)));
        assertEquals(0.0, AblationViewModel.spread(vm.rows().get(0)));
    }

    @Test
    void theFolderOfTheLastAblationStaysKnownAfterItEndsForItsReport() {
        assertEquals(null, vm.folder(), "none started yet");
        vm.select(List.of("dropout"));
        vm.run();
        assertEquals(Path.of("/tmp/ablation"), vm.folder());
        service.done.complete(REPORT);
        assertEquals(Path.of("/tmp/ablation"), vm.folder(), "still there once it ended");
    }

    @Test
    void cancelReachesTheEngine() {
        vm.run();
        vm.cancelAll();
        assertTrue(service.cancelled);
    }

    @Test
    void progressShowsEachRunUnderItsGroupWithTheRunningGroupAndTimeLeft() {
        vm.select(List.of("dropout"));
        vm.repeatsProperty().set("2");
        vm.run();
        assertEquals(List.of("baseline-1", "baseline-2", "dropout-1", "dropout-2"),
                vm.progress().runs().rows().stream().map(RunRow::runId).toList());
        assertEquals("dropout", vm.progress().groupOf("dropout-2"));
        finish("baseline-1");
        finish("baseline-2");
        service.listener.onEvent("dropout-1", started("dropout-1", 10));
        service.listener.onEvent("dropout-1", iteration(0));
        vm.pulse(1_000_000_000L);
        service.listener.onEvent("dropout-1", iteration(5));
        vm.pulse(3_000_000_000L);
        RunRow row = vm.progress().runs().row("dropout-1").orElseThrow();
        assertEquals("running", row.statusProperty().get());
        assertEquals(5, row.iterationProperty().get());
        assertEquals("0:02", row.etaProperty().get(), "5 of 10 updates in 2 s: 2 s left");
        String summary = vm.progress().summaryProperty().get();
        assertTrue(summary.startsWith("Running group 2 of 2 (dropout), run dropout-1 · 2 of 4 runs done"), summary);
        assertTrue(summary.contains("left"), summary);
    }

    @Test
    void cancellingMarksTheUnfinishedRunsAndSaysSoWhenTheReportArrives() {
        vm.select(List.of("dropout"));
        vm.repeatsProperty().set("2");
        vm.run();
        finish("baseline-1");
        service.listener.onEvent("baseline-2", started("baseline-2", 10));
        vm.pulse(1_000_000_000L);
        vm.cancelAll();
        assertTrue(service.cancelled);
        service.listener.onEvent("baseline-2", new FailedEvent("cancelled by the user", -1, FailureCause.CANCELLED));
        service.done.complete(REPORT);
        assertFalse(vm.runningProperty().get());
        assertEquals("cancelled", vm.progress().runs().row("baseline-2").orElseThrow().statusProperty().get());
        assertEquals("stopped", vm.progress().runs().row("dropout-1").orElseThrow().statusProperty().get());
        assertEquals("Cancelled: 1 of 4 runs finished.", vm.progress().summaryProperty().get());
        assertTrue(vm.statusProperty().get().startsWith("Cancelled"), vm.statusProperty().get());
    }

    @Test
    void aNewAblationStartsWithFreshProgress() {
        vm.select(List.of("dropout"));
        vm.repeatsProperty().set("2");
        vm.run();
        finish("baseline-1");
        service.done.complete(REPORT);
        service.done = new CompletableFuture<>();
        vm.run();
        assertTrue(vm.progress().runs().rows().stream().noneMatch(RunRow::isEnded));
    }

    private void finish(String runId) {
        service.listener.onEvent(runId, started(runId, 10));
        service.listener.onEvent(runId, new FinishedEvent("final", 10, 1, 0.1, 0.5, 0.8, false, -1));
        vm.pulse(500_000_000L);
    }

    private static StartedEvent started(String runId, int total) {
        Provenance p = new Provenance("hash", ExperimentSpec.defaults(), null, Map.of(), "CpuBackend", "test", true,
                "cpu", "os", "java", Map.of(), List.of("dense_0"), total);
        return new StartedEvent(runId, p);
    }

    private static IterationEvent iteration(int k) {
        return new IterationEvent(k, 0, k == 0 ? null : 1.0 / k, null, List.of(), "m", 0);
    }

    @Test
    void badInputIsExplainedAndStartsNothing() {
        vm.repeatsProperty().set("1");
        vm.run();
        assertTrue(vm.statusProperty().get().contains("Repeats"));
        vm.repeatsProperty().set("3");
        vm.select(List.of());
        vm.run();
        assertTrue(vm.statusProperty().get().contains("at least one factor"));
        form = null;
        vm.select(List.of("dropout"));
        vm.run();
        assertTrue(vm.statusProperty().get().contains("baseline"));
        assertNull(service.startedFactors);
        assertFalse(vm.runningProperty().get());
    }

    @Test
    void aFailedAnalysisEndsTheAblationAndSaysWhy() {
        vm.run();
        service.done.completeExceptionally(new IllegalStateException("no run of group dropout finished"));
        assertFalse(vm.runningProperty().get(), "the tab must not stay running");
        assertTrue(vm.statusProperty().get().contains("no run of group dropout finished"), vm.statusProperty().get());
        vm.run();
        assertEquals(2, service.starts, "a new ablation can start after the failure");
    }

    @Test
    void anAblationIsRefusedWithTheReasonWhileSomethingElseRuns() {
        vm.blockWhile(() -> true, "Runs are in progress.");
        vm.run();
        assertNull(service.startedFactors);
        assertFalse(vm.runningProperty().get());
        assertEquals("Runs are in progress.", vm.statusProperty().get());
    }
}

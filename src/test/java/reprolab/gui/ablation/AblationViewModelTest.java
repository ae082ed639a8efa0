package reprolab.gui.ablation;

import org.junit.jupiter.api.Test;
import reprolab.analysis.AblationReport;
import reprolab.analysis.Divergence;
import reprolab.analysis.FactorResult;
import reprolab.analysis.Stats;
import reprolab.experiment.ExperimentSpec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AblationViewModelTest {

    /** Records what it was asked to start; the test completes or cancels it. */
    private static final class FakeAblations implements AblationService {
        final CompletableFuture<AblationReport> done = new CompletableFuture<>();
        List<String> startedFactors;
        int startedRepeats;
        boolean cancelled;
        int starts;

        @Override
        public Handle start(ExperimentSpec baseline, int repeats, List<String> factors) {
            starts++;
            startedFactors = factors;
            startedRepeats = repeats;
            return new Handle() {
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
        assertTrue(vm.statusProperty().get().contains("20 runs"), vm.statusProperty().get());
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
    void cancelReachesTheEngine() {
        vm.run();
        vm.cancelAll();
        assertTrue(service.cancelled);
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

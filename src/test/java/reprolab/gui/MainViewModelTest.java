package reprolab.gui;

import org.junit.jupiter.api.Test;
import reprolab.gui.controls.ControlsViewModel;
import reprolab.gui.runs.RunRow;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainViewModelTest {

    private final AtomicLong clock = new AtomicLong(1_000);
    private final ControlsViewModel controls = new ControlsViewModel(false, p -> true);

    private MainViewModel viewModel(FakeExperimentService service) {
        controls.text("runs.repeats").set("2");
        return new MainViewModel(service, null, controls, Runnable::run, Runnable::run, Runnable::run, clock::get);
    }

    private static void await(FakeExperimentService service) throws InterruptedException {
        assertTrue(service.started.get(0).done.await(10, TimeUnit.SECONDS));
    }

    @Test
    void invalidFormDisablesRunAndRunDoesNothing() {
        FakeExperimentService service = new FakeExperimentService(5, 0);
        MainViewModel vm = viewModel(service);
        assertTrue(vm.canRunProperty().get());
        controls.text("runs.repeats").set("0");
        assertFalse(vm.canRunProperty().get());
        vm.run();
        assertTrue(service.started.isEmpty());
    }

    @Test
    void thousandsOfEventsReachTheViewModelsAsOneBatch() throws InterruptedException {
        FakeExperimentService service = new FakeExperimentService(500, 0);
        MainViewModel vm = viewModel(service);
        int versionBefore = vm.curves().versionProperty().get();
        vm.run();
        await(service);
        vm.pulse();
        assertEquals(1, vm.batchesAppliedProperty().get());
        assertEquals(versionBefore + 1, vm.curves().versionProperty().get());
        assertEquals(501, vm.curves().pointCount("run-0"));
        assertEquals(501, vm.curves().pointCount("run-1"));
        vm.pulse();
        assertEquals(1, vm.batchesAppliedProperty().get(), "an empty pulse changes nothing");
    }

    @Test
    void progressShowsIterationOfTotalAndFinishedStatus() throws InterruptedException {
        FakeExperimentService service = new FakeExperimentService(20, 0);
        MainViewModel vm = viewModel(service);
        vm.run();
        await(service);
        vm.pulse();
        RunRow row = vm.runs().row("run-1").orElseThrow();
        assertEquals(20, row.iterationProperty().get());
        assertEquals(20, row.totalProperty().get());
        assertEquals(1.0, row.progressProperty().get());
        assertEquals("finished", row.statusProperty().get());
        assertFalse(vm.runningProperty().get());
        assertEquals("Runs differ from iteration 3 in layer dense_0.", vm.divergence().verdictProperty().get());
    }

    @Test
    void cancelAllStopsTheRunsAndTheyShowAsCancelled() throws InterruptedException {
        FakeExperimentService service = new FakeExperimentService(10_000, 1);
        MainViewModel vm = viewModel(service);
        vm.run();
        assertTrue(vm.runningProperty().get());
        vm.cancelAll();
        await(service);
        vm.pulse();
        assertTrue(service.started.get(0).wasCancelled());
        assertEquals("cancelled", vm.runs().row("run-0").orElseThrow().statusProperty().get());
        assertFalse(vm.runningProperty().get());
        assertTrue(vm.canRunProperty().get());
    }

    @Test
    void shutdownCancelsTheRunsWithoutWaitingForTheBackgroundExecutor() {
        FakeExperimentService service = new FakeExperimentService(10_000, 1);
        java.util.List<Runnable> queued = new java.util.ArrayList<>();
        controls.text("runs.repeats").set("2");
        MainViewModel vm = new MainViewModel(service, controls, queued::add, Runnable::run, clock::get);
        vm.run();
        queued.remove(0).run();
        assertTrue(vm.runningProperty().get());
        vm.shutdown();
        assertTrue(service.started.get(0).wasCancelled(), "cancelled at once, on the closing thread");
        assertTrue(queued.isEmpty(), "nothing left for an executor that is shutting down");
    }

    @Test
    void etaFollowsTheMeanPaceSoFar() {
        FakeExperimentService service = new FakeExperimentService(0, 0);
        MainViewModel vm = viewModel(service);
        vm.runs().reset(java.util.List.of("r"));
        clock.set(0);
        vm.runs().apply(java.util.Map.of("r", java.util.List.of(FakeExperimentService.startedEvent("r", 100))), 0);
        vm.runs().apply(java.util.Map.of("r", java.util.List.of(FakeExperimentService.iteration(10, "x"))),
                10_000_000_000L);
        assertEquals("1:30", vm.runs().row("r").orElseThrow().etaProperty().get());
    }

    @Test
    void cancelDoesNotWaitBehindWorkQueuedOnTheBackgroundPool() throws InterruptedException {
        FakeExperimentService service = new FakeExperimentService(10_000, 1);
        java.util.List<Runnable> queued = new java.util.ArrayList<>();
        controls.text("runs.repeats").set("2");
        // the real cancel thread; the pool is "busy": nothing queued on it ever runs again
        MainViewModel vm = new MainViewModel(service, controls, queued::add, Runnable::run, clock::get);
        vm.run();
        queued.remove(0).run();
        vm.divergence().analyse(java.util.List.of());
        assertFalse(queued.isEmpty(), "an analysis waits on the pool");
        vm.cancelAll();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!service.started.get(0).wasCancelled() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(service.started.get(0).wasCancelled(), "cancel ran on its own thread");
    }

    /** An ablation that runs until the test ends. */
    private static final class EndlessAblations implements reprolab.gui.ablation.AblationService {
        int starts;
        final java.util.concurrent.CompletableFuture<reprolab.analysis.AblationReport> done =
                new java.util.concurrent.CompletableFuture<>();

        @Override
        public Handle start(reprolab.experiment.ExperimentSpec baseline, int repeats, java.util.List<String> factors,
                            RunEventListener events) {
            starts++;
            return new Handle() {
                public java.util.Map<String, String> groups() {
                    return java.util.Map.of("baseline-1", "baseline", "dropout-1", "dropout");
                }

                public java.nio.file.Path folder() {
                    return java.nio.file.Path.of("/tmp/endless");
                }

                public int runCount() {
                    return 2;
                }

                public java.util.concurrent.CompletableFuture<reprolab.analysis.AblationReport> completion() {
                    return done;
                }

                public void cancelAll() {
                }
            };
        }

        @Override
        public java.util.List<String> factors() {
            return java.util.List.of("dropout");
        }
    }

    @Test
    void runIsRefusedWithTheReasonWhileAnAblationRuns() {
        FakeExperimentService service = new FakeExperimentService(5, 0);
        controls.text("runs.repeats").set("2");
        MainViewModel vm = new MainViewModel(service, new EndlessAblations(), controls, Runnable::run, Runnable::run,
                Runnable::run, clock::get);
        vm.ablation().select(java.util.List.of("dropout"));
        vm.ablation().run();
        assertTrue(vm.ablation().runningProperty().get());
        assertFalse(vm.canRunProperty().get(), "Run is disabled");
        vm.run();
        assertTrue(service.started.isEmpty());
        assertTrue(vm.statusProperty().get().contains("ablation"), vm.statusProperty().get());
    }

    @Test
    void whenTheAblationEndsTheStatusSaysRunIsAvailableAgain() {
        controls.text("runs.repeats").set("2");
        EndlessAblations ablations = new EndlessAblations();
        MainViewModel vm = new MainViewModel(new FakeExperimentService(5, 0), ablations, controls, Runnable::run,
                Runnable::run, Runnable::run, clock::get);
        vm.ablation().select(java.util.List.of("dropout"));
        vm.ablation().run();
        assertFalse(vm.canRunProperty().get());
        ablations.done.completeExceptionally(new IllegalStateException("analysis broke"));
        assertFalse(vm.ablation().runningProperty().get());
        assertTrue(vm.canRunProperty().get());
        assertEquals("The ablation has ended; Run is available again.", vm.statusProperty().get());
    }

    @Test
    void anAblationIsRefusedWithTheReasonWhileRunsAreLive() {
        FakeExperimentService service = new FakeExperimentService(10_000, 1);
        EndlessAblations ablations = new EndlessAblations();
        controls.text("runs.repeats").set("2");
        java.util.List<Runnable> queued = new java.util.ArrayList<>();
        MainViewModel vm = new MainViewModel(service, ablations, controls, queued::add, Runnable::run,
                Runnable::run, clock::get);
        vm.run();
        assertTrue(vm.runningProperty().get());
        vm.ablation().select(java.util.List.of("dropout"));
        vm.ablation().run();
        assertEquals(0, ablations.starts);
        assertTrue(vm.ablation().statusProperty().get().contains("Runs are in progress"));
    }
}

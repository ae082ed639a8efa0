package reprolab.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reprolab.events.FailureCause;
import reprolab.events.RunHistory;
import reprolab.events.RunStatus;
import reprolab.events.StartedEvent;
import reprolab.events.WorkerEvent;
import reprolab.experiment.ExperimentSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static reprolab.run.Fixtures.byId;
import static reprolab.run.Fixtures.runs;

class ExperimentRunnerLimitsTest {

    private static final Duration GUARD = Duration.ofSeconds(60);

    @TempDir
    Path root;

    @Test
    void neverMoreWorkersAtOnceThanTheParallelLimit() throws Exception {
        AtomicInteger live = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        RunListener counter = new RunListener() {
            @Override
            public void onEvent(String runId, WorkerEvent event) {
                if (event instanceof StartedEvent) {
                    most.accumulateAndGet(live.incrementAndGet(), Math::max);
                }
            }

            @Override
            public void onRunEnded(String runId, RunHistory history) {
                live.decrementAndGet();
            }
        };
        List<RunHistory> result = assertTimeoutPreemptively(GUARD, () -> Fixtures.runner()
                .start(Fixtures.folder(root), runs("slow-1", "slow-2", "slow-3", "slow-4"), 2, counter).await());

        // at least 2 would be flaky on a loaded machine, where one run may end before the next starts
        assertTrue(most.get() <= 2, "at most 2 at once, saw " + most.get());
        assertTrue(result.stream().allMatch(r -> r.status() == RunStatus.FINISHED), result.toString());
    }

    @Test
    void queuedRunCancelledBeforeItStartsIsStoredAsCancelledWithoutAWorker() throws Exception {
        ExperimentFolder folder = Fixtures.folder(root);
        RunningExperiment running = Fixtures.runner().start(folder, runs("ok-1", "ok-2"), 1, null);
        running.cancel("ok-2");
        List<RunHistory> result = assertTimeoutPreemptively(GUARD, running::await);

        assertEquals(RunStatus.FINISHED, byId(result, "ok-1").status());
        RunHistory cancelled = byId(result, "ok-2");
        assertEquals(RunStatus.CANCELLED, cancelled.status());
        assertEquals(null, cancelled.started());
        assertFalse(Files.exists(folder.runsDir().resolve("ok-2.run.json")), "no worker was prepared");
        assertEquals(RunStatus.CANCELLED, byId(folder.loadRuns(), "ok-2").status());
    }

    @Test
    void moreParallelRunsThanMemoryHoldsAreRefusedWithTheNumberThatFits() throws Exception {
        ExperimentFolder folder = Fixtures.folder(root);
        List<reprolab.experiment.RunSpec> many = Planner.repeats(ExperimentSpec.defaults(), Planner.MAX_REPEATS);

        TooManyRunsException refused = assertThrows(TooManyRunsException.class,
                () -> Fixtures.runner().start(folder, many, Planner.MAX_REPEATS, null));
        assertTrue(refused.getMessage().contains("at most " + refused.fit()), refused.getMessage());
        assertTrue(Files.list(folder.runsDir()).findAny().isEmpty(), "nothing was started");
    }

    @Test
    void fullDiskStopsTheExperimentWithAStorageFailureAndKeepsEarlierData() throws Exception {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.isWritable(full), "needs Linux's /dev/full to stand in for a full disk");
        ExperimentFolder folder = Fixtures.folder(root);
        Files.createSymbolicLink(folder.logFile("ticking-1"), full);
        List<RunHistory> result = assertTimeoutPreemptively(GUARD, () -> Fixtures.runner()
                .start(folder, runs("ticking-1", "ok-2"), 1, null).await());

        RunHistory failed = byId(result, "ticking-1");
        assertEquals(FailureCause.STORAGE, failed.failed().cause());
        assertTrue(failed.failed().reason().contains("No space left"), failed.failed().reason());
        assertEquals(FailureCause.STORAGE, byId(result, "ok-2").failed().cause(), "the queued run is not started");
        assertFalse(Files.exists(folder.logFile("ok-2")));
        assertEquals("test", new ExperimentStore(root).open(folder.path()).spec().name());
    }

    @Test
    void defaultParallelIsAtLeastOneAndNeverMoreThanTheCores() {
        int cores = Runtime.getRuntime().availableProcessors();
        assertEquals(Math.max(1, Math.min(cores, WorkerMemory.maxParallel())), ExperimentRunner.defaultParallel(1));
        assertEquals(1, ExperimentRunner.defaultParallel(cores * 4));
    }
}

package reprolab.worker;

import org.junit.jupiter.api.Test;
import reprolab.experiment.ResolvedSeeds;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The test helper that runs real workers must fail, not hang, when a worker gets stuck. */
class WorkerProcessesTest {

    @Test
    void aStuckWorkerIsKilledAfterTheTimeoutAndItsStderrIsReported() {
        long start = System.nanoTime();
        AssertionError stuck = assertThrows(AssertionError.class, () -> WorkerProcesses.runOne(
                WorkerProcesses.runSpec("stuck", ReplayAndPerturbationTest.tiny(), new ResolvedSeeds(1, 2, 3, 4)),
                Map.of("REPROLAB_INJECT_FAULT", "hang@1"), 40));
        assertTrue(stuck.getMessage().contains("still running after 40 s"), stuck.getMessage());
        assertTrue(stuck.getMessage().contains("fault injection hang@1 is on"), "stderr is kept: " + stuck.getMessage());
        assertTrue(System.nanoTime() - start < 120_000_000_000L, "it did not wait for the worker");
    }
}

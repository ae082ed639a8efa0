package reprolab.worker;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reprolab.events.RunHistory;
import reprolab.events.RunStatus;
import reprolab.experiment.ResolvedSeeds;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two native toggles change what they claim, measured on real tiny runs: vendor kernels (oneDNN)
 * and the thread count leave the initial weights alone and change training from the first update.
 */
class NativeTogglesTest {

    private static RunHistory base;
    private static RunHistory helpersOff;
    private static RunHistory twoThreads;

    @BeforeAll
    static void trainThreeRuns() throws Exception {
        ResolvedSeeds seeds = new ResolvedSeeds(5, 6, 7, 8);
        List<RunHistory> runs = WorkerProcesses.run(List.of(
                WorkerProcesses.runSpec("base", ReplayAndPerturbationTest.tiny(), seeds),
                WorkerProcesses.runSpec("helpers-off", ReplayAndPerturbationTest.tiny("execution.helpers=false"), seeds),
                WorkerProcesses.runSpec("two-threads", ReplayAndPerturbationTest.tiny("execution.threads=2"), seeds)));
        for (RunHistory run : runs) {
            assertEquals(RunStatus.FINISHED, run.status(), run.runId() + ": " + run.failed());
        }
        base = runs.get(0);
        helpersOff = runs.get(1);
        twoThreads = runs.get(2);
    }

    @Test
    void vendorKernelsToggleIsRecordedAndChangesTrainingButNotTheInitialWeights() {
        assertTrue(base.started().provenance().helpersActive());
        assertFalse(helpersOff.started().provenance().helpersActive());
        assertEquals(base.iterations().get(0).modelHash(), helpersOff.iterations().get(0).modelHash());
        assertNotEquals(base.finished().finalHash(), helpersOff.finished().finalHash());
    }

    @Test
    void threadCountReachesTheWorkerAndChangesTrainingButNotTheInitialWeights() {
        assertEquals("2", twoThreads.started().provenance().environment().get("OMP_NUM_THREADS"));
        assertEquals("2", twoThreads.started().provenance().environment().get("nd4j.maxThreads"));
        assertEquals(base.iterations().get(0).modelHash(), twoThreads.iterations().get(0).modelHash());
        assertNotEquals(base.finished().finalHash(), twoThreads.finished().finalHash());
    }
}

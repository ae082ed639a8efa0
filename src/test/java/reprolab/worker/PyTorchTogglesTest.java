package reprolab.worker;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reprolab.analysis.Divergence;
import reprolab.analysis.ExperimentAnalysis;
import reprolab.events.RunHistory;
import reprolab.events.RunStatus;
import reprolab.experiment.ResolvedSeeds;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PyTorch's CPU knobs, measured on real tiny runs (the README's "What we measured" rows): oneDNN
 * (mkldnn) on vs off and 1 vs 2 threads, each with the same initial weights (what every engine
 * promises, the perturbation included, is in {@link EngineConformance}).
 */
class PyTorchTogglesTest {

    private static RunHistory oneThread;
    private static RunHistory twoThreads;
    private static RunHistory mkldnnOff;
    private static RunHistory mkldnnOffTwoThreads;

    @BeforeAll
    static void trainFourRuns() throws Exception {
        ResolvedSeeds seeds = new ResolvedSeeds(5, 6, 7, 8);
        List<RunHistory> runs = WorkerProcesses.run(List.of(
                WorkerProcesses.runSpec("one-thread", tiny(), seeds),
                WorkerProcesses.runSpec("two-threads", tiny("execution.threads=2"), seeds),
                WorkerProcesses.runSpec("mkldnn-off", tiny("execution.helpers=false"), seeds),
                WorkerProcesses.runSpec("mkldnn-off-2", tiny("execution.helpers=false", "execution.threads=2"), seeds)));
        for (RunHistory run : runs) {
            assertEquals(RunStatus.FINISHED, run.status(), run.runId() + ": " + run.failed());
        }
        oneThread = runs.get(0);
        twoThreads = runs.get(1);
        mkldnnOff = runs.get(2);
        mkldnnOffTwoThreads = runs.get(3);
    }

    static reprolab.experiment.ExperimentSpec tiny(String... overrides) throws Exception {
        List<String> all = new java.util.ArrayList<>(List.of("execution.engine=pytorch"));
        all.addAll(List.of(overrides));
        return ReplayAndPerturbationTest.tiny(all.toArray(String[]::new));
    }

    /**
     * Measured on Debian's torch 1.13 with OpenBLAS (pthread), the BLAS CI and the .deb install: torch's own
     * convolution (oneDNN off) goes through OpenBLAS's sgemm, so the first product to differ is dense_0's.
     * With the reference BLAS (before issue 25) the first difference was in conv_0.
     */
    @Test
    void mkldnnToggleIsRecordedAndChangesTrainingButNotTheInitialWeights() {
        assertTrue(oneThread.started().provenance().helpersActive());
        assertEquals(false, mkldnnOff.started().provenance().helpersActive());
        assertEquals("False", mkldnnOff.started().provenance().environment().get("torch.backends.mkldnn.enabled"));
        assertTrue(blas(mkldnnOff).contains("openblas"), "these figures are OpenBLAS's; torch used " + blas(mkldnnOff));
        assertEquals(new Divergence(1, "dense_0"), divergence(oneThread, mkldnnOff));
    }

    @Test
    void twoThreadsReachTorchAndChangeTrainingWithMkldnn() {
        assertEquals("2", twoThreads.started().provenance().environment().get("torch.num_threads"));
        assertEquals("2", twoThreads.started().provenance().environment().get("OMP_NUM_THREADS"));
        assertEquals(oneThread.iterations().get(0).modelHash(), twoThreads.iterations().get(0).modelHash());
        assertNotEquals(oneThread.finished().finalHash(), twoThreads.finished().finalHash());
    }

    /**
     * With the reference BLAS (single-threaded) 1 and 2 threads gave the same bits without oneDNN; OpenBLAS splits
     * its products by the thread count, so they part after the first update, with the same initial weights.
     */
    @Test
    void withoutMkldnnOneAndTwoThreadsDifferUnderOpenBlas() {
        assertEquals("2", mkldnnOffTwoThreads.started().provenance().environment().get("torch.num_threads"));
        assertTrue(blas(mkldnnOffTwoThreads).contains("openblas"), blas(mkldnnOffTwoThreads));
        Divergence first = divergence(mkldnnOff, mkldnnOffTwoThreads);
        assertEquals(1, first.iteration(), first.toString());
    }

    private static String blas(RunHistory run) {
        return String.valueOf(run.started().provenance().versions().get("blas")).toLowerCase(java.util.Locale.ROOT);
    }

    private static Divergence divergence(RunHistory a, RunHistory b) {
        return ExperimentAnalysis.analyse(List.of(a, b), 0).firstDivergence();
    }
}

package reprolab.worker;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reprolab.analysis.Divergence;
import reprolab.analysis.ExperimentAnalysis;
import reprolab.analysis.ExperimentReport;
import reprolab.events.RunHistory;
import reprolab.events.RunStatus;
import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.ResolvedSeeds;
import reprolab.experiment.SpecJson;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real tiny PyTorch trainings, each in its own Python process started by the app's launcher: the same
 * seeds give bitwise-identical runs at every iteration, and each seed changes exactly its own stream.
 */
class PyTorchSeedIsolationTest {

    static final String TINY_PYTORCH = "{\"model\": {\"name\": \"tiny\", \"batchSize\": 50, \"epochs\": 2},"
            + " \"data\": {\"trainSize\": 100, \"validationSize\": 50}, \"execution\": {\"engine\": \"pytorch\"}}";
    private static final ResolvedSeeds BASE = new ResolvedSeeds(11, 22, 33, 44);
    private static List<RunHistory> runs;

    @BeforeAll
    static void trainSixRuns() throws Exception {
        ExperimentSpec spec = SpecJson.parse(TINY_PYTORCH);
        runs = WorkerProcesses.run(List.of(
                WorkerProcesses.runSpec("base", spec, BASE),
                WorkerProcesses.runSpec("base-again", spec, BASE),
                WorkerProcesses.runSpec("weight-init", spec, new ResolvedSeeds(12, 22, 33, 44)),
                WorkerProcesses.runSpec("dropout", spec, new ResolvedSeeds(11, 23, 33, 44)),
                WorkerProcesses.runSpec("shuffle", spec, new ResolvedSeeds(11, 22, 34, 44)),
                WorkerProcesses.runSpec("split", spec, new ResolvedSeeds(11, 22, 33, 45))));
        for (RunHistory run : runs) {
            assertEquals(RunStatus.FINISHED, run.status(), run.runId() + " failed: " + run.failed());
        }
    }

    @Test
    void sameSeedsInSeparateProcessesAreBitwiseIdenticalAtEveryIteration() {
        RunHistory base = runs.get(0);
        RunHistory again = runs.get(1);
        assertEquals(5, base.iterations().size(), "iteration 0 plus 2 epochs of 2 updates");
        for (int k = 0; k < base.iterations().size(); k++) {
            assertEquals(base.iterations().get(k).layers(), again.iterations().get(k).layers(), "iteration " + k);
            assertEquals(base.iterations().get(k).loss(), again.iterations().get(k).loss(), "iteration " + k);
        }
        assertEquals(base.finished().finalHash(), again.finished().finalHash());
        assertEquals(base.epochs(), again.epochs());
        assertTrue(ExperimentAnalysis.analyse(List.of(base, again), 0).identical());
    }

    @Test
    void startedEventRecordsThePyTorchProvenanceAndDl4jStyleLayerNames() {
        RunHistory base = runs.get(0);
        assertEquals(List.of("conv_0", "dense_0", "output"), base.started().provenance().layers());
        assertEquals(4, base.started().provenance().totalIterations());
        assertEquals("pytorch-cpu", base.started().provenance().backend());
        assertTrue(base.started().provenance().versions().containsKey("torch"), base.started().provenance().versions().toString());
        assertTrue(base.started().provenance().java().startsWith("Python 3"), base.started().provenance().java());
        assertEquals(SpecJson.hash(base.started().provenance().spec()), base.started().provenance().specHash(),
                "the Python worker hashes the spec as the Java side does");
        assertEquals(null, base.iterations().get(0).loss(), "iteration 0 is the initialised model");
    }

    @Test
    void weightInitSeedChangesTheInitialModel() {
        assertEquals(new Divergence(0, "conv_0"), firstDivergence(runs.get(2)));
    }

    @Test
    void dropoutSeedKeepsInitialWeightsAndChangesTheFirstUpdate() {
        assertEquals(hashAt(runs.get(0), 0), hashAt(runs.get(3), 0));
        assertEquals(new Divergence(1, "conv_0"), firstDivergence(runs.get(3)));
        assertTrue(ExperimentAnalysis.analyse(List.of(runs.get(0), runs.get(3)), 0).verdict().contains("dropout seed"));
    }

    @Test
    void shuffleSeedKeepsInitialWeightsAndChangesTheBatchOrder() {
        assertEquals(hashAt(runs.get(0), 0), hashAt(runs.get(4), 0));
        assertNotEquals(runs.get(0).iterations().get(1).loss(), runs.get(4).iterations().get(1).loss());
    }

    @Test
    void splitSeedKeepsInitialWeightsAndChangesTheData() {
        assertEquals(hashAt(runs.get(0), 0), hashAt(runs.get(5), 0));
        assertNotEquals(hashAt(runs.get(0), 1), hashAt(runs.get(5), 1));
        assertNotEquals(runs.get(0).finished().valLoss(), runs.get(5).finished().valLoss());
    }

    private static Divergence firstDivergence(RunHistory other) {
        ExperimentReport report = ExperimentAnalysis.analyse(List.of(runs.get(0), other), 0);
        assertEquals(false, report.identical());
        return report.firstDivergence();
    }

    private static String hashAt(RunHistory run, int k) {
        return run.iterations().get(k).modelHash();
    }
}

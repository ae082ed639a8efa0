package reprolab.worker;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reprolab.analysis.Divergence;
import reprolab.analysis.ExperimentAnalysis;
import reprolab.analysis.ExperimentReport;
import reprolab.events.IterationEvent;
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
 * Real tiny trainings, each in its own JVM: all seeds on gives bitwise-identical runs, and each seed
 * changes exactly its own stream of randomness.
 */
class SeedIsolationTest {

    private static final ResolvedSeeds BASE = new ResolvedSeeds(11, 22, 33, 44);
    private static RunHistory base;
    private static RunHistory baseAgain;
    private static RunHistory otherWeightInit;
    private static RunHistory otherDropout;
    private static RunHistory otherShuffle;
    private static RunHistory otherSplit;

    @BeforeAll
    static void trainSixRuns() throws Exception {
        ExperimentSpec spec = SpecJson.parse("{\"model\": {\"name\": \"tiny\", \"batchSize\": 50},"
                + " \"data\": {\"trainSize\": 200, \"validationSize\": 50}}");
        List<RunHistory> runs = WorkerProcesses.run(List.of(
                WorkerProcesses.runSpec("base", spec, BASE),
                WorkerProcesses.runSpec("base-again", spec, BASE),
                WorkerProcesses.runSpec("weight-init", spec, new ResolvedSeeds(12, 22, 33, 44)),
                WorkerProcesses.runSpec("dropout", spec, new ResolvedSeeds(11, 23, 33, 44)),
                WorkerProcesses.runSpec("shuffle", spec, new ResolvedSeeds(11, 22, 34, 44)),
                WorkerProcesses.runSpec("split", spec, new ResolvedSeeds(11, 22, 33, 45))));
        for (RunHistory run : runs) {
            assertEquals(RunStatus.FINISHED, run.status(), run.runId() + " failed: " + run.failed());
        }
        base = runs.get(0);
        baseAgain = runs.get(1);
        otherWeightInit = runs.get(2);
        otherDropout = runs.get(3);
        otherShuffle = runs.get(4);
        otherSplit = runs.get(5);
    }

    @Test
    void sameSeedsInSeparateJvmsAreBitwiseIdenticalAtEveryIteration() {
        assertEquals(5, base.iterations().size(), "iteration 0 plus 4 updates");
        for (int k = 0; k < base.iterations().size(); k++) {
            assertEquals(base.iterations().get(k).layers(), baseAgain.iterations().get(k).layers(), "iteration " + k);
        }
        assertEquals(base.finished().finalHash(), baseAgain.finished().finalHash());
        assertEquals(base.epochs(), baseAgain.epochs());
    }

    @Test
    void weightInitSeedChangesTheInitialModel() {
        assertNotEquals(hashAt(base, 0), hashAt(otherWeightInit, 0));
    }

    @Test
    void dropoutSeedKeepsInitialWeightsAndChangesTraining() {
        assertEquals(hashAt(base, 0), hashAt(otherDropout, 0));
        assertEquals(lossAt(base, 1) == null, false);
        assertNotEquals(hashAt(base, 1), hashAt(otherDropout, 1));
    }

    @Test
    void shuffleSeedKeepsInitialWeightsAndChangesTheBatchOrder() {
        assertEquals(hashAt(base, 0), hashAt(otherShuffle, 0));
        assertNotEquals(lossAt(base, 1), lossAt(otherShuffle, 1), "a different first batch gives a different loss");
    }

    @Test
    void splitSeedKeepsInitialWeightsAndChangesTheData() {
        assertEquals(hashAt(base, 0), hashAt(otherSplit, 0));
        assertNotEquals(hashAt(base, 1), hashAt(otherSplit, 1));
        assertNotEquals(base.finished().valLoss(), otherSplit.finished().valLoss());
    }

    @Test
    void iterationZeroIsTheUntrainedModelWithoutLoss() {
        IterationEvent first = base.iterations().get(0);
        assertEquals(0, first.iteration());
        assertEquals(null, first.loss());
        assertEquals(List.of("conv_0", "dense_0", "output"), base.started().provenance().layers());
        assertEquals(4, base.started().provenance().totalIterations());
        assertTrue(base.iterations().get(1).accuracy() >= 0 && base.iterations().get(1).accuracy() <= 1);
    }

    @Test
    void analysisLocatesTheFirstDivergenceOfEachSeed() {
        assertEquals(new Divergence(0, "conv_0"), firstDivergence(base, otherWeightInit));
        assertEquals(new Divergence(1, "conv_0"), firstDivergence(base, otherDropout));
        assertEquals(new Divergence(1, "conv_0"), firstDivergence(base, otherShuffle));
        ExperimentReport same = ExperimentAnalysis.analyse(List.of(base, baseAgain), 0);
        assertTrue(same.identical());
        assertEquals(null, same.firstDivergence());
        assertTrue(same.verdict().contains("bitwise identical"), same.verdict());
    }

    @Test
    void verdictNamesTheSeedThatDiffers() {
        ExperimentReport report = ExperimentAnalysis.analyse(List.of(base, otherDropout), 0);
        assertTrue(report.verdict().contains("dropout seed"), report.verdict());
    }

    private static Divergence firstDivergence(RunHistory a, RunHistory b) {
        ExperimentReport report = ExperimentAnalysis.analyse(List.of(a, b), 0);
        assertEquals(false, report.identical());
        return report.firstDivergence();
    }

    private static String hashAt(RunHistory run, int k) {
        return run.iterations().get(k).modelHash();
    }

    private static Double lossAt(RunHistory run, int k) {
        return run.iterations().get(k).loss();
    }
}

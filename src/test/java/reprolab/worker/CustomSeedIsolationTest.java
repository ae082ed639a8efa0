package reprolab.worker;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reprolab.analysis.Divergence;
import reprolab.analysis.ExperimentAnalysis;
import reprolab.events.RunHistory;
import reprolab.events.RunStatus;
import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.ResolvedSeeds;
import reprolab.experiment.SpecJson;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The seeds' isolation for a custom model with every layer kind (batch norm on an image and on a
 * vector, average and overlapping max pooling, same padding), in real worker JVMs like SeedIsolationTest.
 */
class CustomSeedIsolationTest {

    static final String LAYERS = "["
            + "{\"type\": \"conv2d\", \"filters\": 4, \"kernel\": 3, \"padding\": \"same\", \"activation\": \"relu\"},"
            + "{\"type\": \"batchnorm\"},"
            + "{\"type\": \"maxpool2d\", \"size\": 3, \"stride\": 2},"
            + "{\"type\": \"conv2d\", \"filters\": 4, \"kernel\": 3, \"activation\": \"tanh\", \"initializer\": \"he-uniform\"},"
            + "{\"type\": \"avgpool2d\", \"size\": 2},"
            + "{\"type\": \"dropout\", \"rate\": 0.25},"
            + "{\"type\": \"flatten\"},"
            + "{\"type\": \"dense\", \"units\": 16, \"activation\": \"relu\"},"
            + "{\"type\": \"batchnorm\"},"
            + "{\"type\": \"dropout\", \"rate\": 0.5},"
            + "{\"type\": \"output\"}]";
    private static final ResolvedSeeds BASE = new ResolvedSeeds(11, 22, 33, 44);
    private static RunHistory base;
    private static RunHistory baseAgain;
    private static RunHistory otherDropout;
    private static RunHistory otherWeightInit;

    @BeforeAll
    static void trainFourRuns() throws Exception {
        ExperimentSpec spec = SpecJson.parse("{\"model\": {\"name\": \"custom\", \"batchSize\": 50, \"layers\": " + LAYERS
                + "}, \"data\": {\"trainSize\": 200, \"validationSize\": 50}}");
        List<RunHistory> runs = WorkerProcesses.run(List.of(
                WorkerProcesses.runSpec("base", spec, BASE),
                WorkerProcesses.runSpec("base-again", spec, BASE),
                WorkerProcesses.runSpec("dropout", spec, new ResolvedSeeds(11, 23, 33, 44)),
                WorkerProcesses.runSpec("weight-init", spec, new ResolvedSeeds(12, 22, 33, 44))));
        for (RunHistory run : runs) {
            assertEquals(RunStatus.FINISHED, run.status(), run.runId() + " failed: " + run.failed());
        }
        base = runs.get(0);
        baseAgain = runs.get(1);
        otherDropout = runs.get(2);
        otherWeightInit = runs.get(3);
    }

    @Test
    void fingerprintsCarryTheCustomLayerNames() {
        assertEquals(List.of("conv_0", "batchnorm_0", "conv_1", "dense_0", "batchnorm_1", "output"),
                base.started().provenance().layers());
    }

    @Test
    void sameSeedsAreBitwiseIdenticalAtEveryIteration() {
        assertEquals(5, base.iterations().size(), "iteration 0 plus 4 updates");
        for (int k = 0; k < base.iterations().size(); k++) {
            assertEquals(base.iterations().get(k).layers(), baseAgain.iterations().get(k).layers(), "iteration " + k);
        }
    }

    @Test
    void anotherDropoutSeedKeepsIterationZeroIdenticalAndChangesTraining() {
        assertEquals(base.iterations().get(0).layers(), otherDropout.iterations().get(0).layers());
        assertNotEquals(base.iterations().get(1).modelHash(), otherDropout.iterations().get(1).modelHash());
        Divergence first = ExperimentAnalysis.analyse(List.of(base, otherDropout), 0).firstDivergence();
        assertEquals(1, first.iteration());
    }

    @Test
    void anotherWeightInitSeedChangesIterationZero() {
        assertNotEquals(base.iterations().get(0).modelHash(), otherWeightInit.iterations().get(0).modelHash());
    }
}

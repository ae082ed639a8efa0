package reprolab.worker;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reprolab.events.IterationEvent;
import reprolab.events.RunHistory;
import reprolab.events.RunStatus;
import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.ResolvedSeeds;
import reprolab.experiment.SpecJson;
import reprolab.experiment.SpecOverrides;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * {@code execution.threadInvariant}: real worker JVMs at 1 and 2 threads give the same bits at every
 * iteration, for tiny, a short seed-cnn run (the only model big enough for our Java kernels to split
 * at 2 threads) and a custom model with batch norm; the 2-thread worker really ran its Java kernels
 * on 2 threads and its native libraries on 1. (Without the setting, 1 and 2 threads differ:
 * NativeTogglesTest.)
 */
class ThreadInvariantRunsTest {

    private static final ResolvedSeeds SEEDS = new ResolvedSeeds(5, 6, 7, 8);
    private static List<RunHistory> runs;

    @BeforeAll
    static void trainPairs() throws Exception {
        ExperimentSpec tiny = ReplayAndPerturbationTest.tiny("execution.threadInvariant=true");
        ExperimentSpec seedCnn = SpecOverrides.apply(ExperimentSpec.defaults(), List.of("model.name=seed-cnn",
                "model.batchSize=64", "data.trainSize=192", "data.validationSize=64", "execution.threadInvariant=true"));
        ExperimentSpec custom = SpecJson.parse("{\"model\": {\"name\": \"custom\", \"batchSize\": 50, \"layers\": "
                + CustomSeedIsolationTest.LAYERS + "}, \"data\": {\"trainSize\": 200, \"validationSize\": 50},"
                + " \"execution\": {\"threads\": 1, \"helpers\": true, \"dataType\": \"float\", \"backend\": \"cpu\","
                + " \"threadInvariant\": true}}");
        runs = WorkerProcesses.run(List.of(
                WorkerProcesses.runSpec("tiny-1", tiny, SEEDS),
                WorkerProcesses.runSpec("tiny-2", tiny.withExecution(tiny.execution().withThreads(2)), SEEDS),
                WorkerProcesses.runSpec("cnn-1", seedCnn, SEEDS),
                WorkerProcesses.runSpec("cnn-2", seedCnn.withExecution(seedCnn.execution().withThreads(2)), SEEDS),
                WorkerProcesses.runSpec("custom-1", custom, SEEDS),
                WorkerProcesses.runSpec("custom-2", custom.withExecution(custom.execution().withThreads(2)), SEEDS),
                WorkerProcesses.runSpec("tiny-default-1", ReplayAndPerturbationTest.tiny(), SEEDS)));
        for (RunHistory run : runs) {
            assertEquals(RunStatus.FINISHED, run.status(), run.runId() + ": " + run.failed());
        }
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} at 1 and 2 threads")
    @org.junit.jupiter.params.provider.CsvSource({"tiny, 0", "short seed-cnn run, 2", "custom model with batch norm, 4"})
    void givesTheSameBitsAtOneAndTwoThreads(String model, int first) {
        assertSameBits(runs.get(first), runs.get(first + 1));
    }

    @Test
    void atOneThreadTheSettingKeepsTheDefaultBits() {
        assertSameBits(runs.get(6), runs.get(0));
    }

    @Test
    void twoThreadRunsSplitOnlyOurKernelsAndRunNativeCodeOnOneThread() {
        for (RunHistory two : List.of(runs.get(1), runs.get(3), runs.get(5))) {
            var environment = two.started().provenance().environment();
            assertEquals("2", environment.get("reprolab.kernelThreads"), two.runId());
            assertEquals("true", environment.get("reprolab.threadInvariant"), two.runId());
            assertEquals("1", environment.get("OMP_NUM_THREADS"), two.runId());
            assertEquals("1", environment.get("nd4j.maxThreads"), two.runId());
        }
    }

    private static void assertSameBits(RunHistory one, RunHistory two) {
        List<IterationEvent> a = one.iterations();
        List<IterationEvent> b = two.iterations();
        assertFalse(a.isEmpty());
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).modelHash(), b.get(i).modelHash(), "iteration " + i);
            assertEquals(a.get(i).loss(), b.get(i).loss(), "iteration " + i);
        }
        assertEquals(one.finished().finalHash(), two.finished().finalHash());
        assertEquals(one.finished().valLoss(), two.finished().valLoss());
    }
}

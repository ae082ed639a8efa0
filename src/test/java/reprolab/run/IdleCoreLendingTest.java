package reprolab.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reprolab.events.IterationEvent;
import reprolab.events.RunHistory;
import reprolab.events.RunStatus;
import reprolab.experiment.ExecutionSpec;
import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.SpecOverrides;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Idle cores go to the last runs of a batch, for thread-invariant runs only, and their bits stay. */
class IdleCoreLendingTest {

    @TempDir
    Path root;

    private static final ExecutionSpec INVARIANT = ExecutionSpec.defaults().withThreadInvariant(true);

    @Test
    void theLoneLastRunGetsTheBatchsCoresButOnlyWhenThreadInvariant() {
        assertEquals(2, IdleCoreLending.lent(INVARIANT, 2, 1, 16));
        assertEquals(1, IdleCoreLending.lent(INVARIANT, 2, 2, 16), "two live runs share two slots");
        assertEquals(2, IdleCoreLending.lent(INVARIANT, 5, 2, 16), "five slots, two runs: two each");
        assertEquals(2, IdleCoreLending.lent(INVARIANT, 4, 1, 2), "never more than the machine's cores");
        assertEquals(4, IdleCoreLending.lent(INVARIANT.withThreads(4), 1, 1, 2), "never fewer than its own");
        assertEquals(0, IdleCoreLending.lent(ExecutionSpec.defaults(), 2, 1, 16), "the thread count is in its bits");
    }

    /**
     * Three tiny repeats two at a time on real workers: the third runs alone once the pair is done, gets
     * the second core for its kernels, and gives the same bits as the two that ran on one thread each.
     */
    @Test
    void theLastOfThreeRepeatsIsLentTheIdleCoreAndKeepsItsBits() throws Exception {
        ExperimentSpec tiny = SpecOverrides.apply(ExperimentSpec.defaults(), List.of("model.name=tiny",
                "model.batchSize=50", "data.trainSize=1000", "data.validationSize=50",
                "execution.threadInvariant=true"));
        ExperimentFolder folder = new ExperimentStore(root).create(tiny.withName("lending"));
        List<RunHistory> runs = assertTimeoutPreemptively(Duration.ofSeconds(300), () ->
                new ExperimentRunner(WorkerCommand.forCurrentJvm())
                        .start(folder, Fixtures.runs(tiny, "run-01", "run-02", "run-03"), 2, null).await());
        for (RunHistory run : runs) {
            assertEquals(RunStatus.FINISHED, run.status(), run.runId() + ": " + run.failed());
        }
        RunHistory last = Fixtures.byId(runs, "run-03");
        assertEquals(2L, last.finished().kernelCalls().get("kernelThreads.most"));
        assertEquals(1L, Fixtures.byId(runs, "run-01").finished().kernelCalls().get("kernelThreads.most"));
        for (String other : List.of("run-01", "run-02")) {
            List<IterationEvent> a = Fixtures.byId(runs, other).iterations();
            List<IterationEvent> b = last.iterations();
            assertEquals(a.size(), b.size());
            for (int i = 0; i < a.size(); i++) {
                assertEquals(a.get(i).modelHash(), b.get(i).modelHash(), other + " iteration " + i);
            }
            assertEquals(Fixtures.byId(runs, other).finished().finalHash(), last.finished().finalHash());
        }
    }
}

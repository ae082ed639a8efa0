package reprolab.ablation;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reprolab.analysis.AblationReport;
import reprolab.analysis.FactorResult;
import reprolab.events.RunHistory;
import reprolab.events.RunStatus;
import reprolab.run.ExperimentRunner;
import reprolab.run.ExperimentStore;
import reprolab.run.RunListener;
import reprolab.run.WorkerCommand;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real tiny DL4J trainings: 3 groups x 2 runs of 4 updates on 200 digits, two worker JVMs at a time. */
class AblationRunTest {

    @TempDir
    static Path store;

    private static RunningAblation ablation;
    private static AblationReport report;

    @BeforeAll
    static void runWeightInitAndDropoutAblation() throws Exception {
        AblationPlan plan = AblationPlanner.plan(AblationPlannerTest.tiny(), 2,
                List.of(AblationFactor.WEIGHT_INIT, AblationFactor.DROPOUT), 2, new Random(11));
        ablation = runner().start(plan, 2, RunListener.none());
        report = ablation.await();
    }

    private static AblationRunner runner() {
        return new AblationRunner(new ExperimentRunner(WorkerCommand.forCurrentJvm()), new ExperimentStore(store));
    }

    private static FactorResult factor(AblationReport r, String name) {
        return r.factors().stream().filter(f -> f.factor().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void everyRunOfEveryGroupFinishes() {
        List<RunHistory> runs = ablation.runs().snapshot();
        assertEquals(6, runs.size());
        runs.forEach(r -> assertEquals(RunStatus.FINISHED, r.status(), r.runId() + ": " + r.failed()));
    }

    @Test
    void withoutSnapshotEveryNoRunWritesSnapshotsAndThereIsNoTimeToChaos() throws Exception {
        for (RunHistory run : ablation.runs().snapshot()) {
            assertTrue(SnapshotFiles.load(ablation.folder(), run.runId()).isEmpty(), run.runId());
        }
        assertEquals(null, report.chaos());
        assertFalse(AblationText.render(report).contains("time to chaos"));
    }

    @Test
    void baselineGroupIsBitwiseIdentical() {
        FactorResult baseline = factor(report, "baseline");
        assertFalse(baseline.breaksReproducibility());
        assertEquals(0.0, baseline.valAccuracy().std());
    }

    @Test
    void dropoutGroupDiffersFromTheFirstUpdateNotBefore() {
        FactorResult dropout = factor(report, "dropout");
        assertTrue(dropout.breaksReproducibility());
        assertEquals(1, dropout.firstDivergence().iteration(), "masks act in the first update, not at initialisation");
    }

    @Test
    void weightInitGroupDiffersAlreadyInTheInitialModel() {
        FactorResult weightInit = factor(report, "weightInit");
        assertTrue(weightInit.breaksReproducibility());
        assertEquals(0, weightInit.firstDivergence().iteration());
    }

    @Test
    void storedAblationIsAnalysedAgainToTheSameFindings() throws Exception {
        AblationReport again = AblationResults.analyse(new ExperimentStore(store).open(ablation.folder().path()));
        assertEquals(report.factors(), again.factors());
        assertTrue(AblationFiles.isAblation(ablation.folder().path()));
    }

    @Test
    void cancelledAblationEndsWithoutFinishedRuns() throws Exception {
        AblationPlan plan = AblationPlanner.plan(AblationPlannerTest.tiny(), 2, List.of(AblationFactor.DROPOUT), 2,
                new Random(12));
        RunningAblation running = runner().start(plan, 1, RunListener.none());
        running.cancelAll();
        AblationReport cancelled = running.await();
        running.runs().snapshot().forEach(r -> assertEquals(RunStatus.CANCELLED, r.status(), r.runId()));
        assertNotNull(cancelled.verdict());
        assertFalse(factor(cancelled, "dropout").breaksReproducibility(), "nothing ran, so nothing differs");
    }
}

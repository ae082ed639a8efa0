package reprolab.ablation;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reprolab.analysis.AblationReport;
import reprolab.analysis.ChaosResult;
import reprolab.analysis.ParameterDistance;
import reprolab.analysis.ParameterSeries;
import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.SpecOverrides;
import reprolab.run.ExperimentRunner;
import reprolab.run.ExperimentStore;
import reprolab.run.RunListener;
import reprolab.run.WorkerCommand;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real tiny trainings with parameter snapshots: a baseline, a shuffle and a perturbation group of two
 * runs each, 6 epochs of 4 updates on 200 digits, a snapshot every 4 updates, the perturbation
 * (1e-8 on 1% of dense_0) after update 2.
 */
class ChaosRunTest {

    @TempDir
    static Path store;

    private static RunningAblation ablation;
    private static AblationReport report;

    @BeforeAll
    static void runAblationWithSnapshots() throws Exception {
        ExperimentSpec spec = SpecOverrides.apply(AblationPlannerTest.tiny(), List.of("model.epochs=6",
                "model.learningRate=0.01", "runs.snapshotEvery=4", "perturbation.iteration=2"));
        AblationPlan plan = AblationPlanner.plan(spec, 2, List.of(AblationFactor.SHUFFLE, AblationFactor.PERTURBATION),
                2, new Random(5));
        ablation = new AblationRunner(new ExperimentRunner(WorkerCommand.forCurrentJvm()), new ExperimentStore(store))
                .start(plan, 2, RunListener.none());
        report = ablation.await();
    }

    @Test
    void everyRunWritesASnapshotAtZeroEveryFourUpdatesAndTheEnd() throws Exception {
        ParameterSeries run = SnapshotFiles.load(ablation.folder(), "perturbation-01").orElseThrow();
        assertEquals(List.of(0, 4, 8, 12, 16, 20, 24), run.iterations());
        assertEquals(List.of("conv_0", "dense_0", "output"), run.layers());
    }

    @Test
    void identicalRunsAreExactlyZeroApartAtEverySnapshot() throws Exception {
        ParameterSeries a = SnapshotFiles.load(ablation.folder(), "baseline-01").orElseThrow();
        ParameterSeries b = SnapshotFiles.load(ablation.folder(), "baseline-02").orElseThrow();
        for (int iteration : a.iterations()) {
            assertEquals(0.0, ParameterDistance.perLayerAndModel(a.at(iteration), b.at(iteration))[3], 0.0);
        }
        ChaosResult baseline = report.chaos().factor("baseline");
        assertNull(baseline.firstIteration());
        assertTrue(baseline.series().stream().allMatch(p -> p.gap() == 0.0));
    }

    @Test
    void aOneE8PerturbationGivesANonZeroDistanceThatGrows() {
        ChaosResult p = report.chaos().factor("perturbation");
        assertNotNull(p, report.chaos().toString());
        assertEquals(0.0, p.series().get(0).gap(), 0.0, "identical before the perturbation");
        assertEquals(4, p.firstIteration(), "the first snapshot after update 2");
        assertTrue(p.firstGap() > 0 && p.firstGap() < 1e-4, "a 1e-8 nudge of ~100 weights: " + p.firstGap());
        assertTrue(p.endGap() > 3 * p.firstGap(), "grows (about 10x here): " + p.firstGap() + " -> " + p.endGap());
        assertEquals(24, p.endIteration());
        assertEquals("shuffle", p.endReference());
        assertTrue(p.endSeedGap() > 0);
    }

    @Test
    void theReportSaysTheTimeToChaosPerFactor() {
        String text = AblationText.render(report);
        assertTrue(text.contains("time to chaos perturbation"), text);
        assertTrue(text.contains("time to chaos shuffle            seed reference"), text);
        assertTrue(text.contains("per layer: conv_0"), text);
    }
}

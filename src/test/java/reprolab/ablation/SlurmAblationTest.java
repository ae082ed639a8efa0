package reprolab.ablation;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reprolab.analysis.AblationReport;
import reprolab.run.ExperimentRunner;
import reprolab.run.ExperimentStore;
import reprolab.run.LocalSlurm;
import reprolab.run.RunListener;
import reprolab.run.SlurmTarget;
import reprolab.run.WorkerCommand;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The same two-factor ablation plan run locally and as one Slurm job array gives the same findings. */
class SlurmAblationTest {

    @TempDir
    static Path store;

    @BeforeAll
    static void clusterIsUp() throws Exception {
        LocalSlurm.requireRunning();
    }

    @Test
    void twoFactorAblationOnSlurmGivesTheLocalVerdicts() throws Exception {
        AblationPlan plan = AblationPlanner.plan(AblationPlannerTest.tiny(), 2,
                List.of(AblationFactor.WEIGHT_INIT, AblationFactor.DROPOUT), 2, new Random(11));
        RunningAblation onSlurm = new AblationRunner(LocalSlurm.target(), new ExperimentStore(store.resolve("slurm")))
                .start(plan, plan.allRuns().size(), RunListener.none());
        AblationReport local = new AblationRunner(new ExperimentRunner(WorkerCommand.forCurrentJvm()),
                new ExperimentStore(store.resolve("local"))).start(plan, 1, RunListener.none()).await();
        AblationReport slurm = onSlurm.await();
        assertEquals(local.factors(), slurm.factors(), "same groups, divergences and accuracies");
        assertEquals(local.verdict(), slurm.verdict());
        assertTrue(Files.exists(onSlurm.folder().runsDir().resolve(SlurmTarget.JOB_FILE)), "one job array for all groups");
    }
}

package reprolab.reliability;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reprolab.analysis.ExperimentAnalysis;
import reprolab.analysis.ExperimentReport;
import reprolab.events.FailureCause;
import reprolab.events.RunHistory;
import reprolab.events.RunStatus;
import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.SpecOverrides;
import reprolab.run.ExperimentFolder;
import reprolab.run.ExperimentRunner;
import reprolab.run.ExperimentStore;
import reprolab.run.Planner;
import reprolab.run.RunListener;
import reprolab.run.WorkerCommand;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A NaN loss in one run of an experiment (real workers, real launcher) fails that run alone. */
class NumericalFaultTest {

    @TempDir
    Path root;

    @Test
    void nanLossStopsOnlyThatRunAndTheAnalysisStillReportsIt() throws Exception {
        ExperimentSpec spec = SpecOverrides.apply(RealWorkerApp.tinySpec(), List.of("model.epochs=1"));
        ExperimentFolder folder = new ExperimentStore(root).create(spec);
        WorkerCommand command = WorkerCommand.forCurrentJvm().withMainClass(FaultByRunWorker.class.getName())
                .withExtraJvmArgs(List.of("-Xmx64m", "-Dreprolab.test.faultRun=run-02:nan-loss@3"));

        List<RunHistory> runs = new ExperimentRunner(command)
                .start(folder, Planner.repeats(spec, 2), 2, RunListener.none()).await();

        RunHistory nan = runs.stream().filter(r -> r.runId().equals("run-02")).findFirst().orElseThrow();
        assertEquals(RunStatus.FAILED, nan.status(), nan.toString());
        assertEquals(FailureCause.DIVERGED, nan.failed().cause());
        assertEquals("loss diverged to NaN at iteration 3", nan.failed().reason());
        assertEquals(2, nan.lastIteration(), "the updates before the NaN are kept");
        runs.stream().filter(r -> !r.runId().equals("run-02")).forEach(r -> {
            assertEquals(RunStatus.FINISHED, r.status(), r.runId());
            StoreChecks.assertFinishedIntact(r);
        });
        assertEquals(runs, new ExperimentStore(root).open(folder.path()).loadRuns(), "stored as reported");

        ExperimentReport report = ExperimentAnalysis.analyse(runs, 0);
        assertTrue(report.verdict().contains("run-02") && report.verdict().contains("NaN"), report.verdict());
        System.out.println("NAN verdict: " + report.verdict());
    }
}

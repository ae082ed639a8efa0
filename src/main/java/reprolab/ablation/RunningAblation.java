package reprolab.ablation;

import reprolab.analysis.AblationReport;
import reprolab.events.RunHistory;
import reprolab.run.ExperimentFolder;
import reprolab.run.RunningExperiment;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** An ablation whose runs a launcher owns. Thread-safe. */
public final class RunningAblation {

    private final ExperimentFolder folder;
    private final AblationPlan plan;
    private final RunningExperiment runs;

    RunningAblation(ExperimentFolder folder, AblationPlan plan, RunningExperiment runs) {
        this.folder = folder;
        this.plan = plan;
        this.runs = runs;
    }

    /** Where the ablation is stored. */
    public ExperimentFolder folder() {
        return folder;
    }

    /** What runs. */
    public AblationPlan plan() {
        return plan;
    }

    /** The runs of all groups, for progress and for cancelling one run. */
    public RunningExperiment runs() {
        return runs;
    }

    /** Stops every run of every group at once; what they reported is kept. */
    public void cancelAll() {
        runs.cancelAll();
    }

    /** Whether every run has ended. */
    public boolean isDone() {
        return runs.isDone();
    }

    /** Waits until every run has ended and analyses them, with the time to chaos when they wrote snapshots. */
    public AblationReport await() throws InterruptedException {
        return analyse(runs.await());
    }

    /** Completes with the analysis once every run has ended; never completes exceptionally. */
    public CompletableFuture<AblationReport> completion() {
        return runs.completion().thenApply(this::analyse);
    }

    private AblationReport analyse(List<RunHistory> histories) {
        try {
            return AblationResults.withChaos(folder, plan.manifest(), histories);
        } catch (java.io.IOException | RuntimeException e) {
            // a damaged snapshot file must not cost the rest of the report
            System.getLogger(RunningAblation.class.getName()).log(System.Logger.Level.WARNING,
                    "time to chaos not measured: " + e.getMessage());
            return AblationResults.analyse(plan.manifest(), histories);
        }
    }
}

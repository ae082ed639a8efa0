package reprolab.ablation;

import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.SpecValidator;
import reprolab.run.ExperimentFolder;
import reprolab.run.ExperimentStore;
import reprolab.run.RunListener;
import reprolab.run.RunTarget;
import reprolab.run.RunningExperiment;

import java.io.IOException;

/**
 * Runs an ablation like an experiment: all groups go through one {@link RunTarget#start} (on Slurm:
 * one job array for all groups), so
 * they share the workers, the parallelism limit and cancellation of normal runs. Stored as one
 * experiment folder: {@code experiment.json} holds the seeded baseline (named {@code ablation: ...}),
 * {@code runs/} every run of every group, and {@code ablation.json} which runs form which group. One
 * folder rather than one per group, because the groups are one launch and one report, and a
 * half-finished ablation must be re-analysable as a whole. Immutable.
 */
public final class AblationRunner {

    /** What an ablation's stored name starts with, so the list of experiments tells them apart. */
    public static final String NAME_PREFIX = "ablation: ";

    private final RunTarget runner;
    private final ExperimentStore store;

    /** A runner that starts workers on {@code runner} (this computer or a cluster) and stores ablations in {@code store}. */
    public AblationRunner(RunTarget runner, ExperimentStore store) {
        this.runner = runner;
        this.store = store;
    }

    /**
     * Creates the ablation's folder, writes {@code ablation.json} before any run starts (so even an
     * interrupted ablation can be analysed), and starts every run; returns at once.
     *
     * @param parallel runs at once, at least 1 (see {@link #defaultParallel(AblationPlan, RunTarget)})
     */
    public RunningAblation start(AblationPlan plan, int parallel, RunListener listener) throws IOException {
        ExperimentFolder folder = store.create(storedSpec(plan.baseline()));
        AblationFiles.write(folder.path(), plan.manifest());
        RunningExperiment running = runner.start(folder, plan.allRuns(), parallel, listener);
        return new RunningAblation(folder, plan, running);
    }

    /**
     * Runs at once when the user did not say: the baseline's {@code runs.parallel}, else what the
     * target fits: on this computer as many as fit the cores at the baseline's thread count (the
     * threads group's many-thread runs then share cores, which slows them but does not change their
     * results), on a cluster all of them (its scheduler queues them).
     */
    public static int defaultParallel(AblationPlan plan, RunTarget target) {
        ExperimentSpec base = plan.baseline();
        return base.runs().parallel() > 0 ? base.runs().parallel()
                : target.defaultParallel(base.execution().threads(), plan.allRuns().size());
    }

    private static ExperimentSpec storedSpec(ExperimentSpec baseline) {
        String name = NAME_PREFIX + baseline.name();
        if (name.length() > SpecValidator.MAX_NAME_LENGTH) {
            name = name.substring(0, SpecValidator.MAX_NAME_LENGTH);
        }
        return baseline.withName(name);
    }
}

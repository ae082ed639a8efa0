package reprolab.run;

import reprolab.experiment.RunSpec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the runs of an experiment execute: this computer ({@link ExperimentRunner}, the default) or a
 * Slurm cluster ({@link SlurmTarget}). Kept to three verbs so that another engine (a PBS or HTCondor
 * queue, a Kubernetes job) can be added: check before anything is stored, submit-and-follow, and
 * cancel through the returned {@link RunningExperiment}. Every target stores the same events in the
 * same experiment folder, so progress, curves and analysis do not know where runs ran.
 */
public interface RunTarget {

    /**
     * Checks that runs stored under {@code storeRoot} can execute on this target, before an
     * experiment folder is created, so a refused submission leaves nothing behind.
     *
     * @throws RunTargetException with a message that names what is missing and what to do
     */
    default void check(Path storeRoot) throws RunTargetException {
    }

    /**
     * Starts (or submits) the runs, at most {@code parallel} at once, and returns at once; the result
     * follows them until each has ended and tells {@code listener} what they report.
     *
     * @throws RunTargetException when the target refuses the runs (e.g. Slurm rejects the job)
     * @throws IOException        when the experiment folder cannot be written
     */
    RunningExperiment start(ExperimentFolder folder, List<RunSpec> runs, int parallel, RunListener listener)
            throws RunTargetException, IOException;

    /**
     * How many runs go at once when the experiment file does not say: every run for a cluster (its
     * scheduler queues what does not fit); this computer overrides it with what fits its cores.
     */
    default int defaultParallel(int threadsPerRun, int runs) {
        return runs;
    }

    /** A short description for progress lines, e.g. "this computer" or "Slurm job 42". */
    String describe();
}

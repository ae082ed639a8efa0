package reprolab.run;

import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.RunSpec;

import java.io.IOException;
import java.util.List;

/**
 * How the repeats of one experiment start, for the command line and the app alike (each used to
 * write it out): plan the runs, choose how many run at once, create the stored folder, launch.
 * Planning comes first so that a caller can prepare its progress display for the runs before any starts.
 *
 * @param spec     the experiment
 * @param runs     one run spec per repeat, with its seeds
 * @param parallel how many workers run at once (the spec's, or as many as fit the cores)
 */
public record RepeatSession(ExperimentSpec spec, List<RunSpec> runs, int parallel) {

    public RepeatSession {
        runs = List.copyOf(runs);
    }

    /** Plans {@code spec.runs().repeats()} runs for this computer; starts nothing. */
    public static RepeatSession plan(ExperimentSpec spec) {
        return plan(spec, (threads, runs) -> ExperimentRunner.defaultParallel(threads));
    }

    /** Plans {@code spec.runs().repeats()} runs, as many at once as the spec says or the target suggests. */
    public static RepeatSession plan(ExperimentSpec spec, RunTarget target) {
        return plan(spec, target::defaultParallel);
    }

    private static RepeatSession plan(ExperimentSpec spec, java.util.function.IntBinaryOperator defaultParallel) {
        List<RunSpec> runs = Planner.repeats(spec, spec.runs().repeats());
        int parallel = spec.runs().parallel() > 0 ? spec.runs().parallel()
                : defaultParallel.applyAsInt(spec.execution().threads(), runs.size());
        return new RepeatSession(spec, runs, parallel);
    }

    /** How many run at once in fact: never more than there are runs. */
    public int atOnce() {
        return Math.min(parallel, runs.size());
    }

    /** The run ids, in plan order. */
    public List<String> runIds() {
        return runs.stream().map(RunSpec::runId).toList();
    }

    /** Creates the experiment's folder in {@code store} (its spec written, no runs yet). */
    public ExperimentFolder createFolder(ExperimentStore store) throws IOException {
        return store.create(spec);
    }

    /** Launches (or submits) the planned runs into {@code folder} on {@code target}. */
    public RunningExperiment start(ExperimentFolder folder, RunTarget target, RunListener listener)
            throws RunTargetException, IOException {
        return target.start(folder, runs, parallel, listener);
    }
}

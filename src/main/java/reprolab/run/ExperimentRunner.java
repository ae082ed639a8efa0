package reprolab.run;

import reprolab.experiment.RunSpec;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs the runs of an experiment as worker JVMs, a given number at a time, and stores what they
 * report in the experiment's folder. A worker that crashes, hangs or prints garbage fails alone;
 * the others go on. The local {@link RunTarget}. Immutable; one runner can start any number of experiments.
 */
public final class ExperimentRunner implements RunTarget {

    private final WorkerCommand command;
    private final Limits limits;
    private final Optional<WorkerClassArchive> classArchive;

    /**
     * A runner that starts workers with this command, with the default limits (10 minutes of silence)
     * and the user's cached class archive where the command allows one ({@link WorkerClassArchive}).
     */
    public ExperimentRunner(WorkerCommand command) {
        this(command, Limits.defaults(), WorkerClassArchive.inUserCache(command));
    }

    private ExperimentRunner(WorkerCommand command, Limits limits, Optional<WorkerClassArchive> classArchive) {
        this.command = command;
        this.limits = limits;
        this.classArchive = classArchive;
    }

    /** The same runner, with workers' classes archived in {@code archive} (or, empty, never archived). */
    ExperimentRunner withClassArchive(Optional<WorkerClassArchive> archive) {
        return new ExperimentRunner(command, limits, archive);
    }

    /** The same runner, counting a worker as hung after this long without an event. */
    public ExperimentRunner withSilenceTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the silence timeout must be positive, got " + timeout);
        }
        return new ExperimentRunner(command, limits.withSilence(timeout), classArchive);
    }

    /** The same runner, stopping a worker after this many lines or bytes of output that are not events. */
    public ExperimentRunner withGarbageLimit(int lines, long bytes) {
        return new ExperimentRunner(command, limits.withGarbage(lines, bytes), classArchive);
    }

    /**
     * Starts the runs, at most {@code parallel} at once, and returns at once.
     *
     * @throws TooManyRunsException     when {@code parallel} runs do not fit this machine's memory
     * @throws IllegalArgumentException when there are no runs, two share an id, or parallel is below 1
     */
    @Override
    public RunningExperiment start(ExperimentFolder folder, List<RunSpec> runs, int parallel, RunListener listener) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("an experiment needs at least one run");
        }
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel runs must be at least 1, got " + parallel);
        }
        Set<String> ids = new HashSet<>();
        for (RunSpec run : runs) {
            if (!ids.add(run.runId())) {
                throw new IllegalArgumentException("two runs share the id " + run.runId());
            }
        }
        int atOnce = Math.min(parallel, runs.size());
        WorkerMemory memory = WorkerMemory.forParallel(atOnce);
        LiveExperiment experiment = new LiveExperiment(folder, command, classArchive, memory, limits, atOnce,
                listener);
        experiment.start(runs);
        return experiment;
    }

    @Override
    public String describe() {
        return "this computer";
    }

    @Override
    public int defaultParallel(int threadsPerRun, int runs) {
        return defaultParallel(threadsPerRun);
    }

    /**
     * How many runs of {@code threadsPerRun} native threads fit this machine at once: its cores
     * divided by the threads, but never more than its memory holds, and at least one.
     */
    public static int defaultParallel(int threadsPerRun) {
        int byCores = Runtime.getRuntime().availableProcessors() / Math.max(1, threadsPerRun);
        return Math.max(1, Math.min(byCores, WorkerMemory.maxParallel()));
    }
}

package reprolab.run;

import reprolab.experiment.ExecutionSpec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Gives the cores that finished repeats leave idle to the runs still going, for thread-invariant runs
 * only ({@code execution.threadInvariant}): there the thread count cannot change a bit, so the last
 * run of a batch (five repeats two at a time: the fifth runs alone) may take the freed core. Other runs
 * keep the threads they started with, because for them the thread count is part of the result.
 *
 * <p>The launcher writes the new count into the run's {@link #fileFor grant file}; the worker reads it
 * before each update ({@code worker.KernelThreadGrants}) and splits its Java kernels over that many
 * threads (its native code stays on one).
 */
final class IdleCoreLending {

    private IdleCoreLending() {
    }

    static Path fileFor(Path runsDir, String runId) {
        return runsDir.toAbsolutePath().resolve(runId + ".kernel-threads");
    }

    /**
     * The threads one live run may use once no run is queued: the slots of the batch ({@code parallel}
     * runs of the spec's threads), shared equally between the {@code live} runs, at most the machine's
     * cores, never fewer than the spec's own; 0 when the run is not thread-invariant (it keeps its own).
     */
    static int lent(ExecutionSpec run, int parallel, int live, int cores) {
        if (!run.threadInvariant() || run.pytorch() || live < 1) {
            return 0;
        }
        int shared = parallel * run.threads() / live;
        return Math.max(run.threads(), Math.min(cores, shared));
    }

    /** Writes the grant; a failure only means the run keeps its threads, so it is not an error of the run. */
    static void grant(Path file, int threads) {
        try {
            AtomicFiles.writeString(file, threads + "\n");
        } catch (IOException e) {
            System.getLogger(IdleCoreLending.class.getName()).log(System.Logger.Level.INFO,
                    "could not lend idle cores through " + file + ": " + e.getMessage());
        }
    }

    /** For the launcher: lends each live run its share, once the queue is empty. */
    static void lendTo(List<RunSupervisor> live, int parallel, Path runsDir) {
        int cores = Runtime.getRuntime().availableProcessors();
        for (RunSupervisor run : live) {
            int threads = lent(run.runSpec().spec().execution(), parallel, live.size(), cores);
            if (threads > run.runSpec().spec().execution().threads()) {
                grant(fileFor(runsDir, run.runId()), threads);
            }
        }
    }
}

package reprolab.run;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads of the launcher: named daemon threads, so a view or the CLI exiting is never held up
 * by a run, and a thread dump says which thread is whose.
 */
final class RunThreads {

    /** Two threads per live worker (stdout and stderr), reused between runs. */
    static final ExecutorService WORKERS = Executors.newCachedThreadPool(named("reprolab-run"));
    /** Checks every live worker for silence a few times a second. */
    static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(named("reprolab-watchdog"));

    /** Follows the growing event logs of runs on a cluster (one poll at a time for all of them). */
    static final ScheduledExecutorService FOLLOWERS = Executors.newSingleThreadScheduledExecutor(named("reprolab-follow"));

    /**
     * Asks Slurm (squeue, sacct, scontrol) for the followed experiments, one round per experiment at a
     * time, so a command that hangs until its timeout holds up neither the reading of event logs nor
     * another experiment's questions.
     */
    static final ExecutorService SLURM_QUERIES = Executors.newCachedThreadPool(named("reprolab-slurm-query"));

    private RunThreads() {
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}

package reprolab.run;

import reprolab.events.FailedEvent;
import reprolab.events.RunHistory;
import reprolab.events.WorkerEvent;

import java.io.IOException;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The runs of an experiment's Slurm job arrays, followed through the files they grow: every 250 ms
 * the new lines of each event log reach the listener (as from a local run); every second Slurm is
 * asked, on a thread of its own so that a hung command never stops the reading, which tasks wait
 * (with its reason), run (on which node) or have ended. A task that ended without its worker's last
 * word gets a failed event naming Slurm's state, written into its log here.
 *
 * <p>A task's end is only decided from an answer: Slurm's (squeue, sacct, scontrol) or the exit
 * file the task's script leaves. While Slurm cannot be asked, every unended run's status is
 * "unknown since HH:MM" and nothing is written into any log; following resumes when it answers.
 */
final class SlurmExperiment implements RunningExperiment {

    private static final System.Logger LOG = System.getLogger(SlurmExperiment.class.getName());
    private static final long POLL_MS = 250;
    private static final int POLLS_PER_QUERY = 4;
    /** Answers in a row in which Slurm does not know an unended task (nor did it leave an exit file) before it counts as lost. */
    private static final int LOST_AFTER = 30;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    private final ExperimentFolder folder;
    private final List<SlurmJob> jobs;
    private final SlurmCommands commands;
    private final SlurmQueue queue;
    private final RunListener listener;
    private final Map<String, FollowedRun> runs = new LinkedHashMap<>();
    private final CompletableFuture<List<RunHistory>> done = new CompletableFuture<>();
    private final Map<String, SlurmJob> jobOfRun = new LinkedHashMap<>();
    private final AtomicBoolean querying = new AtomicBoolean();
    private ScheduledFuture<?> poller;
    private int polls;
    /** When Slurm last stopped answering, or null while it answers. Set by one query round at a time (pool threads). */
    private volatile LocalTime unreachableSince;

    /** Follows runs {@code runIds} (array task i runs the i-th), submitted as {@code jobs}. */
    SlurmExperiment(ExperimentFolder folder, List<String> runIds, List<SlurmJob> jobs, SlurmCommands commands,
                    RunListener listener) {
        this.folder = folder;
        this.jobs = List.copyOf(jobs);
        this.commands = commands;
        this.queue = new SlurmQueue(commands);
        this.listener = listener == null ? RunListener.none() : listener;
        for (int i = 0; i < runIds.size(); i++) {
            runs.put(runIds.get(i), new FollowedRun(runIds.get(i), i, folder.logFile(runIds.get(i))));
        }
        for (SlurmJob job : jobs) {
            job.tasks().forEach(i -> jobOfRun.put(runIds.get(i), job));
        }
    }

    /** The Slurm job id of the (first) array. */
    String jobId() {
        return jobs.get(0).jobId();
    }

    /** The job arrays, one per resource shape. */
    List<SlurmJob> jobs() {
        return jobs;
    }

    synchronized void start() {
        // the first poll may end every run (a reopened, finished job) before poller is assigned: it waits for this lock
        poller = RunThreads.FOLLOWERS.scheduleWithFixedDelay(this::pollSafely, 0, POLL_MS, TimeUnit.MILLISECONDS);
    }

    /** Stops following without touching the jobs (the app closes; reopening the folder follows them again). */
    @Override
    public void detach() {
        stopFollowing();
    }

    synchronized void stopFollowing() {
        poller.cancel(false);
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "following Slurm job " + jobId() + " failed once", e);
        }
    }

    private void poll() {
        List<FollowedRun> open = unended();
        for (FollowedRun run : open) {
            readNew(run);
        }
        if (polls++ % POLLS_PER_QUERY == 0 && !unended().isEmpty() && querying.compareAndSet(false, true)) {
            RunThreads.SLURM_QUERIES.execute(this::querySafely);
        }
    }

    /** One round of questions to Slurm, off the follower thread; the next waits until this one is over. */
    private void querySafely() {
        try {
            askSlurm();
            unreachableSince = null;
        } catch (RunTargetException e) {
            unreachable(e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "asking Slurm about job " + jobId() + " failed", e);
        } finally {
            querying.set(false);
        }
    }

    /**
     * Slurm did not answer: no run's state is decided from that. A run whose task left its exit file
     * has ended (the file is the task's own answer); every other unended run is "unknown since HH:MM".
     */
    private void unreachable(String why) {
        if (unreachableSince == null) {
            unreachableSince = LocalTime.now();
            LOG.log(System.Logger.Level.WARNING, "Slurm did not answer: " + why);
        }
        String status = "unknown since " + unreachableSince.format(CLOCK) + ": Slurm does not answer (" + why + ")";
        for (FollowedRun run : unended()) {
            Integer exit = run.exitMarker();
            if (exit != null) {
                settle(run, null, exit);
            } else {
                status(run, status);
            }
        }
    }

    /** Passes on what the run's log gained; the follower and the query thread take turns (one reader per log). */
    private void readNew(FollowedRun run) {
        synchronized (run.readLock) {
            for (WorkerEvent event : run.readNew()) {
                notify(() -> listener.onEvent(run.runId(), event));
            }
            if (run.hasEnd()) {
                end(run);
            }
        }
    }

    private void askSlurm() throws RunTargetException {
        for (SlurmJob job : jobs) {
            List<FollowedRun> open = unended().stream().filter(r -> jobOfRun.get(r.runId()) == job).toList();
            if (!open.isEmpty()) {
                ask(job, open);
            }
        }
    }

    private void ask(SlurmJob job, List<FollowedRun> open) throws RunTargetException {
        Map<Integer, SlurmQueue.Task> queued = queue.queued(job.jobId());
        Map<Integer, SlurmQueue.Task> remembered = null;
        for (FollowedRun run : open) {
            SlurmQueue.Task task = queued.get(run.index());
            if (task != null && !task.ended()) {
                status(run, task.describe());
                continue;
            }
            if (remembered == null) {
                remembered = queue.remembered(job.jobId());
            }
            leftQueue(run, remembered.get(run.index()));
        }
    }

    /** A task squeue no longer lists: its worker's own end, else a failed event from what Slurm says. */
    private void leftQueue(FollowedRun run, SlurmQueue.Task task) {
        Integer exit = run.exitMarker();
        if (task == null && exit == null) {
            if (++run.unknownPolls < LOST_AFTER) {
                return; // between squeue and scontrol, or the marker is still being written
            }
        } else if (task != null && !task.ended() && exit == null) {
            return;
        }
        settle(run, task, exit);
    }

    /**
     * Writes the failed event of a task that ended without its worker's last word, unless the log
     * holds that word by now (read under the log's lock, so the follower cannot be halfway through it).
     */
    private void settle(FollowedRun run, SlurmQueue.Task task, Integer exit) {
        synchronized (run.readLock) {
            readNew(run);
            if (run.ended) {
                return;
            }
            FailedEvent failed = SlurmFailures.failedEvent(run, task, exit, folder.path());
            try (RunLog log = folder.openLog(run.runId())) {
                log.append(failed);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "could not store the end of " + run.runId() + ": " + e.getMessage());
            }
            readNew(run);
        }
    }

    private void status(FollowedRun run, String status) {
        if (!status.equals(run.status)) {
            run.status = status;
            notify(() -> listener.onStatus(run.runId(), status));
        }
    }

    private void end(FollowedRun run) {
        synchronized (this) {
            if (run.ended) {
                return;
            }
            run.ended = true;
        }
        notify(() -> listener.onRunEnded(run.runId(), run.history()));
        if (unended().isEmpty()) {
            synchronized (this) {
                poller.cancel(false);
            }
            List<RunHistory> all = snapshot();
            notify(() -> listener.onAllEnded(all));
            done.complete(all);
        }
    }

    private void notify(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "run listener failed", e);
        }
    }

    private synchronized List<FollowedRun> unended() {
        return runs.values().stream().filter(r -> !r.ended).toList();
    }

    @Override
    public synchronized List<RunHistory> snapshot() {
        List<RunHistory> all = new ArrayList<>();
        runs.values().forEach(r -> all.add(r.history()));
        return all;
    }

    @Override
    public void cancel(String runId) {
        FollowedRun run;
        synchronized (this) {
            run = runs.get(runId);
        }
        if (run == null) {
            throw new IllegalArgumentException("no run " + runId + " in this experiment");
        }
        run.cancelRequested = true;
        scancel(jobOfRun.get(runId).jobId() + "_" + run.index());
    }

    @Override
    public void cancelAll() {
        unended().forEach(r -> r.cancelRequested = true);
        jobs.forEach(job -> scancel(job.jobId()));
    }

    private void scancel(String target) {
        commands.tryRun("scancel", List.of(target));
    }

    @Override
    public CompletableFuture<List<RunHistory>> completion() {
        return done.copy();
    }
}

package reprolab.run;

import reprolab.events.FailedEvent;
import reprolab.events.RunHistory;
import reprolab.events.WorkerEvent;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The runs of one Slurm job array, followed through the files they grow: every 250 ms the new lines
 * of each event log reach the listener (as from a local run); every second Slurm is asked which
 * tasks wait (with its reason), run (on which node) or have ended. A task that ended without its
 * worker's last word gets a failed event naming Slurm's state, written into its log here.
 */
final class SlurmExperiment implements RunningExperiment {

    private static final System.Logger LOG = System.getLogger(SlurmExperiment.class.getName());
    private static final long POLL_MS = 250;
    private static final int POLLS_PER_QUERY = 4;
    /** Queries in a row in which Slurm must not know an unended task before it counts as lost. */
    private static final int LOST_AFTER = 30;

    private final ExperimentFolder folder;
    private final String jobId;
    private final SlurmCommands commands;
    private final SlurmQueue queue;
    private final RunListener listener;
    private final Map<String, FollowedRun> runs = new LinkedHashMap<>();
    private final CompletableFuture<List<RunHistory>> done = new CompletableFuture<>();
    private ScheduledFuture<?> poller;
    private int polls;

    SlurmExperiment(ExperimentFolder folder, String jobId, List<String> runIds, SlurmCommands commands,
                    RunListener listener) {
        this.folder = folder;
        this.jobId = jobId;
        this.commands = commands;
        this.queue = new SlurmQueue(commands);
        this.listener = listener == null ? RunListener.none() : listener;
        for (int i = 0; i < runIds.size(); i++) {
            runs.put(runIds.get(i), new FollowedRun(runIds.get(i), i, folder.logFile(runIds.get(i))));
        }
    }

    /** The Slurm job id of the array. */
    String jobId() {
        return jobId;
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
            LOG.log(System.Logger.Level.WARNING, "following Slurm job " + jobId + " failed once", e);
        }
    }

    private void poll() {
        List<FollowedRun> open = unended();
        for (FollowedRun run : open) {
            readNew(run);
        }
        if (polls++ % POLLS_PER_QUERY == 0 && !unended().isEmpty()) {
            try {
                askSlurm();
            } catch (RunTargetException e) {
                LOG.log(System.Logger.Level.WARNING, "Slurm did not answer: " + e.getMessage());
            }
        }
    }

    private void readNew(FollowedRun run) {
        for (WorkerEvent event : run.readNew()) {
            notify(() -> listener.onEvent(run.runId(), event));
        }
        if (run.hasEnd()) {
            end(run);
        }
    }

    private void askSlurm() throws RunTargetException {
        Map<Integer, SlurmQueue.Task> queued = queue.queued(jobId);
        Map<Integer, SlurmQueue.Task> remembered = null;
        for (FollowedRun run : unended()) {
            SlurmQueue.Task task = queued.get(run.index());
            if (task != null && !task.ended()) {
                status(run, task.describe());
                continue;
            }
            if (remembered == null) {
                remembered = queue.remembered(jobId);
            }
            settle(run, remembered.get(run.index()));
        }
    }

    /** A task that left the queue: its worker's own end, else a failed event from what Slurm says. */
    private void settle(FollowedRun run, SlurmQueue.Task task) {
        readNew(run);
        if (run.ended) {
            return;
        }
        Integer exit = run.exitMarker();
        if (task == null && exit == null) {
            if (++run.unknownPolls < LOST_AFTER) {
                return; // between squeue and scontrol, or the marker is still being written
            }
        } else if (task != null && !task.ended() && exit == null) {
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
        scancel(jobId + "_" + run.index());
    }

    @Override
    public void cancelAll() {
        unended().forEach(r -> r.cancelRequested = true);
        scancel(jobId);
    }

    private void scancel(String target) {
        try {
            SlurmCommands.Result r = commands.run("scancel", List.of(target));
            if (!r.ok()) {
                LOG.log(System.Logger.Level.WARNING, "scancel " + target + ": " + SlurmCommands.firstLines(r.err()));
            }
        } catch (RunTargetException e) {
            LOG.log(System.Logger.Level.WARNING, "scancel " + target + ": " + e.getMessage());
        }
    }

    @Override
    public CompletableFuture<List<RunHistory>> completion() {
        return done.copy();
    }
}

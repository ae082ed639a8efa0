package reprolab.run;

import reprolab.events.FailureCause;
import reprolab.events.RunHistory;
import reprolab.events.WorkerEvent;
import reprolab.experiment.RunSpec;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** The runs of one experiment: a queue, the live supervisors, and the watchdog that checks them. */
final class LiveExperiment implements RunningExperiment {

    private static final System.Logger LOG = System.getLogger(LiveExperiment.class.getName());
    private static final long WATCH_MS = 100;

    private final ExperimentFolder folder;
    private final WorkerCommand command;
    private final Optional<WorkerClassArchive> classArchive;
    private final WorkerMemory memory;
    private final Limits limits;
    private final int parallel;
    private final RunListener listener;
    private final Map<String, RunSupervisor> supervisors = new LinkedHashMap<>();
    private final Deque<RunSupervisor> queued = new ArrayDeque<>();
    private final Set<RunSupervisor> unfinished = new HashSet<>();
    private final Set<RunSupervisor> launched = new HashSet<>();
    private final CompletableFuture<List<RunHistory>> done = new CompletableFuture<>();
    private ScheduledFuture<?> watchdog;

    LiveExperiment(ExperimentFolder folder, WorkerCommand command, Optional<WorkerClassArchive> classArchive,
                   WorkerMemory memory, Limits limits, int parallel, RunListener listener) {
        this.folder = folder;
        this.command = command;
        this.classArchive = classArchive;
        this.memory = memory;
        this.limits = limits;
        this.parallel = parallel;
        this.listener = listener == null ? RunListener.none() : listener;
    }

    ExperimentFolder folder() {
        return folder;
    }

    WorkerCommand command() {
        return command;
    }

    Optional<WorkerClassArchive> classArchive() {
        return classArchive;
    }

    WorkerMemory memory() {
        return memory;
    }

    Limits limits() {
        return limits;
    }

    synchronized void start(List<RunSpec> runs) {
        for (RunSpec run : runs) {
            RunSupervisor supervisor = new RunSupervisor(run, this, RunThreads.WORKERS);
            supervisors.put(run.runId(), supervisor);
            queued.add(supervisor);
            unfinished.add(supervisor);
        }
        watchdog = RunThreads.WATCHDOG.scheduleWithFixedDelay(this::checkSilence, WATCH_MS, WATCH_MS,
                TimeUnit.MILLISECONDS);
        launchMore();
    }

    /** Starts queued runs while fewer than {@code parallel} are live. */
    private synchronized void launchMore() {
        while (liveSupervisors().size() < parallel && !queued.isEmpty()) {
            RunSupervisor next = queued.poll();
            launched.add(next);
            RunThreads.WORKERS.execute(next);
        }
    }

    private void checkSilence() {
        long limit = limits.silence().toNanos();
        for (RunSupervisor supervisor : liveSupervisors()) {
            long silent = supervisor.silenceNanos();
            if (silent > limit) {
                supervisor.stop(FailureCause.TIMEOUT, "the worker reported nothing for "
                        + TimeUnit.NANOSECONDS.toSeconds(silent) + " s (the limit is " + limits.silence().toSeconds()
                        + " s) and was stopped as hung");
            }
        }
    }

    private synchronized List<RunSupervisor> liveSupervisors() {
        List<RunSupervisor> live = new ArrayList<>(launched);
        live.retainAll(unfinished);
        return live;
    }

    void notifyEvent(String runId, WorkerEvent event) {
        try {
            listener.onEvent(runId, event);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "run listener failed on an event of " + runId, e);
        }
    }

    /** Called by a supervisor as its last act. */
    void runEnded(RunSupervisor supervisor) {
        RunHistory history = supervisor.history();
        try {
            listener.onRunEnded(supervisor.runId(), history);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "run listener failed at the end of " + supervisor.runId(), e);
        }
        boolean last;
        synchronized (this) {
            unfinished.remove(supervisor);
            last = unfinished.isEmpty();
            launchMore();
            if (queued.isEmpty() && !last) {
                IdleCoreLending.lendTo(liveSupervisors(), parallel, folder.runsDir());
            }
        }
        if (last) {
            finish();
        }
    }

    private void finish() {
        watchdog.cancel(false);
        List<RunHistory> runs = snapshot();
        try {
            listener.onAllEnded(runs);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "run listener failed at the end of the experiment", e);
        }
        done.complete(runs);
    }

    /** A disk error in one run: stop them all, the disk will not take the others' events either. */
    void storageFailed(String message) {
        stopAll(FailureCause.STORAGE, message);
    }

    private void stopAll(FailureCause cause, String reason) {
        List<RunSupervisor> toStop;
        synchronized (this) {
            toStop = new ArrayList<>(supervisors.values());
        }
        for (RunSupervisor supervisor : toStop) {
            stopOne(supervisor, cause, reason);
        }
    }

    private void stopOne(RunSupervisor supervisor, FailureCause cause, String reason) {
        supervisor.stop(cause, reason);
        synchronized (this) {
            if (queued.remove(supervisor)) {
                // it never started: run it anyway, it sees the stop and only records the end
                launched.add(supervisor);
                RunThreads.WORKERS.execute(supervisor);
            }
        }
    }

    @Override
    public synchronized List<RunHistory> snapshot() {
        List<RunHistory> runs = new ArrayList<>();
        for (RunSupervisor supervisor : supervisors.values()) {
            runs.add(supervisor.history());
        }
        return runs;
    }

    @Override
    public void cancel(String runId) {
        RunSupervisor supervisor;
        synchronized (this) {
            supervisor = supervisors.get(runId);
        }
        if (supervisor == null) {
            throw new IllegalArgumentException("no run " + runId + " in this experiment");
        }
        stopOne(supervisor, FailureCause.CANCELLED, "cancelled");
    }

    @Override
    public void cancelAll() {
        stopAll(FailureCause.CANCELLED, "cancelled");
    }

    @Override
    public CompletableFuture<List<RunHistory>> completion() {
        return done.copy();
    }
}

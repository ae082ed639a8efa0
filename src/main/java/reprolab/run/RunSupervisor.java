package reprolab.run;

import reprolab.events.EventCodec;
import reprolab.events.EventFormatException;
import reprolab.events.FailedEvent;
import reprolab.events.FailureCause;
import reprolab.events.FinishedEvent;
import reprolab.events.RunHistory;
import reprolab.events.WorkerEvent;
import reprolab.experiment.RunSpec;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Owns one worker process from start to end: stores each event line as it arrives, and turns a
 * crash, a silence, garbage, a cancel or a storage error into a {@link FailedEvent}.
 */
final class RunSupervisor implements Runnable {

    /**
     * How long a worker that writes the class archive may take to exit after its last event: writing
     * takes 2-3 s on an idle machine and can take several times that beside other runs.
     */
    static final Duration ARCHIVE_EXIT_GRACE = Duration.ofSeconds(60);

    private final RunSpec run;
    private final LiveExperiment owner;
    private final ExecutorService executor;
    private final List<WorkerEvent> events = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private Process process;
    private List<String> archiveOptions = List.of();
    private FailureCause stopCause;
    private String stopReason;
    private volatile long lastEventNanos = System.nanoTime();
    private volatile boolean live;
    private StderrPump pump;
    private Future<?> pumpDone;
    private long garbageLines;
    private long garbageBytes;

    RunSupervisor(RunSpec run, LiveExperiment owner, ExecutorService executor) {
        this.run = run;
        this.owner = owner;
        this.executor = executor;
    }

    String runId() {
        return run.runId();
    }

    RunSpec runSpec() {
        return run;
    }

    /** What this run reported so far. */
    synchronized RunHistory history() {
        return RunHistory.of(run.runId(), events, problems);
    }

    /** Nanoseconds since the last event, or 0 when the worker is not running. */
    long silenceNanos() {
        return live ? System.nanoTime() - lastEventNanos : 0;
    }

    /** Stops the run for this cause; the first cause wins. Safe from any thread, before or after start. */
    void stop(FailureCause cause, String reason) {
        Process toKill;
        synchronized (this) {
            if (stopCause != null) {
                return;
            }
            stopCause = cause;
            stopReason = reason;
            toKill = process;
        }
        ProcessTrees.destroy(toKill);
    }

    @Override
    public void run() {
        RunLog log = null;
        try {
            if (!stoppedFor(FailureCause.STORAGE)) {
                log = owner.folder().openLog(run.runId());
            }
            if (log != null && launch()) {
                readEvents(log);
                awaitExit();
            }
            end(log);
        } catch (IOException e) {
            storageFailed(e);
        } finally {
            classArchiveEnded();
            closeQuietly(log);
            live = false;
            owner.runEnded(this);
        }
    }

    private synchronized boolean stoppedFor(FailureCause cause) {
        return stopCause == cause;
    }

    private boolean launch() throws IOException {
        synchronized (this) {
            if (stopCause != null) {
                return false; // stopped while queued: never start it
            }
        }
        ProcessBuilder builder = owner.command().processFor(run, owner.folder().runsDir(), owner.memory());
        Process started;
        try {
            synchronized (this) {
                if (stopCause != null) {
                    return false; // cancelled while queued: never start it
                }
                if (!run.spec().execution().pytorch()) {
                    archiveOptions = owner.classArchive().map(WorkerClassArchive::optionsForLaunch).orElse(List.of());
                    builder.command().addAll(1, archiveOptions); // JVM options: right after the java binary
                }
                started = builder.start();
                process = started;
            }
        } catch (IOException | RuntimeException e) {
            stop(FailureCause.ERROR, "the worker could not be started: " + e.getMessage());
            return false;
        }
        lastEventNanos = System.nanoTime();
        live = true;
        try {
            started.getOutputStream().close(); // the worker reads nothing from us
        } catch (IOException ignored) {
            // already gone; reading its output tells the rest
        }
        pump = new StderrPump(started.getErrorStream(), owner.folder().stderrFile(run.runId()),
                owner.limits().stderrBytes());
        pumpDone = executor.submit(pump);
        return true;
    }

    private void readEvents(RunLog log) throws IOException {
        BoundedLineReader reader = new BoundedLineReader(process.getInputStream(), EventCodec.MAX_LINE_LENGTH);
        for (BoundedLineReader.Line line = nextLine(reader); line != null; line = nextLine(reader)) {
            if (line.text().isBlank() && !line.overlong()) {
                continue;
            }
            WorkerEvent event = decode(line);
            if (event != null) {
                log.append(event);
                record(event);
                if (event instanceof FinishedEvent || event instanceof FailedEvent) {
                    live = false; // no longer watched for silence: it only has to exit now
                    return;
                }
            } else if (tooMuchGarbage()) {
                stop(FailureCause.ERROR, "the worker printed " + garbageLines + " lines (" + garbageBytes
                        + " bytes) that are not events and was stopped");
                return;
            }
        }
    }

    /**
     * The worker's next output line, or null at its end. A read error is the end of the worker's
     * output, not a storage failure: destroying a process (cancel, timeout) closes its streams under
     * the reader; the exit code and stderr then tell what happened.
     */
    private BoundedLineReader.Line nextLine(BoundedLineReader reader) {
        try {
            return reader.next();
        } catch (IOException e) {
            synchronized (this) {
                if (stopCause == null) {
                    problems.add("the worker's output could not be read: " + e.getMessage());
                }
            }
            return null;
        }
    }

    private WorkerEvent decode(BoundedLineReader.Line line) {
        String problem;
        if (line.overlong()) {
            problem = "a line of " + line.bytes() + " bytes, longer than any event";
        } else {
            try {
                return EventCodec.decode(line.text());
            } catch (EventFormatException e) {
                problem = e.getMessage();
            }
        }
        garbageLines++;
        garbageBytes += line.bytes();
        synchronized (this) {
            if (problems.size() < owner.limits().problemsKept()) {
                problems.add("output line skipped: " + problem);
            }
        }
        pump.copyGarbage(line.text());
        return null;
    }

    private boolean tooMuchGarbage() {
        return garbageLines > owner.limits().garbageLines() || garbageBytes > owner.limits().garbageBytes();
    }

    private void record(WorkerEvent event) {
        synchronized (this) {
            events.add(event);
        }
        lastEventNanos = System.nanoTime();
        owner.notifyEvent(run.runId(), event);
    }

    private void awaitExit() {
        Duration grace = owner.limits().exitGrace();
        if (WorkerClassArchive.writes(archiveOptions) && grace.compareTo(ARCHIVE_EXIT_GRACE) < 0) {
            grace = ARCHIVE_EXIT_GRACE;
        }
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                ProcessTrees.destroy(process); // said its last word but does not exit: done waiting
                process.waitFor();
            }
            pumpDone.get(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            ProcessTrees.destroy(process);
            Thread.currentThread().interrupt();
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            // a grandchild still holds stderr: the tail so far is enough
        }
    }

    /** Tells the class archive how a worker that used or wrote it ended (also when it never started). */
    private void classArchiveEnded() {
        if (archiveOptions.isEmpty()) {
            return;
        }
        Process ended;
        boolean reported;
        synchronized (this) {
            ended = process;
            reported = !events.isEmpty();
        }
        int exit = ended == null || ended.isAlive() ? -1 : ended.exitValue();
        owner.classArchive().ifPresent(archive -> archive.launchEnded(archiveOptions, exit, reported));
    }

    private void end(RunLog log) throws IOException {
        RunHistory so = history();
        FailedEvent failed = endEvent(so);
        if (failed == null) {
            return;
        }
        if (failed.cause() != FailureCause.STORAGE) {
            log.append(failed); // a storage failure is told in memory only: the disk just refused a write
        }
        record(failed);
    }

    private void storageFailed(IOException e) {
        String message = "cannot write to the experiment folder " + owner.folder().path() + ": " + e.getMessage()
                + "; the experiment was stopped, everything written before is kept";
        stop(FailureCause.STORAGE, message);
        synchronized (this) {
            if (history().finished() != null || history().failed() != null) {
                problems.add(message);
                return;
            }
        }
        record(new FailedEvent(message, history().lastIteration(), FailureCause.STORAGE));
        owner.storageFailed(message);
    }

    private void closeQuietly(RunLog log) {
        if (log == null) {
            return;
        }
        try {
            log.close();
        } catch (IOException e) {
            synchronized (this) {
                problems.add("the run log could not be forced to disk: " + e.getMessage());
            }
        }
    }

    /** The failed event the launcher writes on the worker's behalf, or null when none is due. */
    private synchronized FailedEvent endEvent(RunHistory so) {
        int last = so.lastIteration();
        if (so.finished() != null || so.failed() != null) {
            return null; // the worker ended on its own; a stop that came later changes nothing
        }
        if (stopCause == FailureCause.CANCELLED) {
            return new FailedEvent("cancelled" + (last >= 0 ? " after iteration " + last : " before training began"),
                    last, FailureCause.CANCELLED);
        }
        if (stopCause != null) {
            String reason = process == null ? stopReason : ExitReasons.withTail(stopReason, tail());
            return new FailedEvent(reason, last, stopCause);
        }
        FailureCause cause = pump != null && pump.sawOutOfMemory() ? FailureCause.OUT_OF_MEMORY : FailureCause.CRASHED;
        String exit = process.isAlive() ? "was lost" : ExitReasons.exitCode(process.exitValue(), run.runId());
        String reason = "the worker " + exit
                + (last >= 0 ? " after iteration " + last : " before training began") + " without finishing";
        return new FailedEvent(ExitReasons.withTail(reason, tail()), last, cause);
    }

    private List<String> tail() {
        return pump == null ? List.of() : pump.tail();
    }
}

package reprolab.worker;

import reprolab.events.FailedEvent;
import reprolab.events.FailureCause;
import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.ResolvedSeeds;
import reprolab.experiment.RunSpec;
import reprolab.experiment.SpecException;
import reprolab.experiment.SpecJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * Entry point of the worker JVM: {@code WorkerMain --run-spec RUN.json} (as the launcher starts it)
 * or {@code WorkerMain EXPERIMENT.json} (one run of an experiment file, off seeds drawn fresh).
 * Writes events to stdout; exit code 0 after finished, 1 after failed, 2 for a bad command line.
 */
public final class WorkerMain {

    public static final String MAIN_CLASS = WorkerMain.class.getName();
    public static final int EXIT_FINISHED = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_USAGE = 2;
    /** Halted because the app that started it is gone. */
    public static final int EXIT_ORPHANED = 3;
    /** System property with the pid of the app that launched this worker (set by the launcher). */
    public static final String LAUNCHER_PID_PROPERTY = "reprolab.launcherPid";
    private static final long PARENT_POLL_MS = 500;

    private WorkerMain() {
    }

    public static void main(String[] args) {
        EventWriter events = EventWriter.claimStdout();
        exitWithParent();
        RunSpec run;
        try {
            run = readRun(args);
        } catch (SpecException | IOException e) {
            events.write(new FailedEvent(e.getMessage(), -1, FailureCause.ERROR));
            System.exit(EXIT_USAGE);
            return;
        }
        System.exit(train(run, events, snapshotFile(args, run)));
    }

    static int train(RunSpec run, EventWriter events) {
        return train(run, events, null);
    }

    /**
     * Where a launched run's parameter snapshots go: next to its run spec, {@code runs/<id>.params}
     * (see {@code ExperimentFolder.snapshotFile}). A run started by hand from an experiment file has
     * no run folder, so it writes none, and says so when they were asked for.
     */
    static Path snapshotFile(String[] args, RunSpec run) {
        if (args.length == 2 && args[0].equals("--run-spec")) {
            Path spec = Path.of(args[1]).toAbsolutePath();
            return spec.resolveSibling(run.runId() + reprolab.events.SnapshotHeader.FILE_SUFFIX);
        }
        if (run.spec().runs().snapshotEvery() > 0) {
            System.err.println("reprolab worker: runs.snapshotEvery is ignored for a run outside an experiment folder");
        }
        return null;
    }

    static int train(RunSpec run, EventWriter events, Path snapshotFile) {
        try {
            new Trainer(run, events, snapshotFile).run();
            return EXIT_FINISHED;
        } catch (TrainingFailure f) {
            events.write(new FailedEvent(f.getMessage(), f.iteration(), f.failureCause()));
        } catch (OutOfMemoryError e) {
            events.write(new FailedEvent("out of memory: " + e.getMessage()
                    + " (fewer parallel runs or a smaller model would fit)", -1, FailureCause.OUT_OF_MEMORY));
        } catch (RuntimeException | LinkageError e) {
            e.printStackTrace();
            events.write(new FailedEvent("training stopped with " + e.getClass().getSimpleName() + ": " + e.getMessage(),
                    -1, FailureCause.ERROR));
        }
        return EXIT_FAILED;
    }

    /**
     * Halts this worker soon after the app that started it is gone (killed with -9, or crashed). The
     * event writer halts too, but only at its next event, and JVM start, data loading or a validation
     * pass can take many seconds without one; an orphan must not hold a core so long. The launcher
     * names its pid in {@value #LAUNCHER_PID_PROPERTY}, because an app killed while this JVM was still
     * starting has already made init the parent; without it (started by hand) the parent is watched.
     */
    static void exitWithParent() {
        Long pid = Long.getLong(LAUNCHER_PID_PROPERTY);
        java.util.Optional<ProcessHandle> launcher = pid != null ? ProcessHandle.of(pid) : ProcessHandle.current().parent();
        if (pid != null && launcher.isEmpty()) {
            Runtime.getRuntime().halt(EXIT_ORPHANED); // gone before we even started
        }
        launcher.ifPresent(app -> {
            Thread watch = new Thread(() -> {
                while (app.isAlive()) { // a handle compares start times too, so a reused pid is not mistaken
                    try {
                        Thread.sleep(PARENT_POLL_MS);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                Runtime.getRuntime().halt(EXIT_ORPHANED);
            }, "launcher-watch");
            watch.setDaemon(true);
            watch.start();
        });
    }

    static RunSpec readRun(String[] args) throws SpecException, IOException {
        if (args.length == 2 && args[0].equals("--run-spec")) {
            return RunSpec.fromJson(Files.readString(Path.of(args[1]), StandardCharsets.UTF_8));
        }
        if (args.length == 1 && !args[0].startsWith("-")) {
            ExperimentSpec spec = SpecJson.read(Path.of(args[0]));
            return new RunSpec(ExperimentSpec.SCHEMA_VERSION, "run-01", spec,
                    ResolvedSeeds.resolve(spec.seeds(), new SecureRandom()));
        }
        throw new SpecException("usage: WorkerMain --run-spec RUN.json | WorkerMain EXPERIMENT.json");
    }
}

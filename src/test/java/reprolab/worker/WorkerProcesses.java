package reprolab.worker;

import reprolab.events.EventCodec;
import reprolab.events.EventFormatException;
import reprolab.events.RunHistory;
import reprolab.events.WorkerEvent;
import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.ResolvedSeeds;
import reprolab.experiment.RunSpec;
import reprolab.run.WorkerCommand;
import reprolab.run.WorkerMemory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Test helper: runs real worker JVMs as the launcher starts them (two at a time) and collects their events. */
final class WorkerProcesses {

    private WorkerProcesses() {
    }

    /** Runs each spec in its own worker JVM and returns the histories in the same order. */
    static List<RunHistory> run(List<RunSpec> runs) throws Exception {
        return run(runs, java.util.Map.of());
    }

    /** As {@link #run(List)}, with extra environment variables for every worker. */
    static List<RunHistory> run(List<RunSpec> runs, java.util.Map<String, String> environment) throws Exception {
        return run(runs, environment, null);
    }

    /**
     * As {@link #run(List, java.util.Map)}, with the run specs (and what the workers write beside them, such as
     * {@code <id>.params}) kept in {@code runsDir}; null: a temporary folder per run, deleted after it.
     */
    static List<RunHistory> run(List<RunSpec> runs, java.util.Map<String, String> environment, Path runsDir)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<RunHistory>> futures = new ArrayList<>();
            for (RunSpec run : runs) {
                futures.add(pool.submit(() -> runOne(run, environment, TIMEOUT_SECONDS, runsDir)));
            }
            List<RunHistory> histories = new ArrayList<>();
            for (Future<RunHistory> future : futures) {
                histories.add(future.get(2 * TIMEOUT_SECONDS + 60, java.util.concurrent.TimeUnit.SECONDS));
            }
            return histories;
        } finally {
            pool.shutdownNow();
        }
    }

    static RunSpec runSpec(String id, ExperimentSpec spec, ResolvedSeeds seeds) {
        return new RunSpec(ExperimentSpec.SCHEMA_VERSION, id, spec, seeds);
    }

    /** A tiny-model worker finishes in seconds; one still alive after this is stuck and is killed. */
    static final long TIMEOUT_SECONDS = Long.getLong("reprolab.test.workerTimeoutSeconds", 300);

    /**
     * Runs one worker; throws, with the worker's stderr, when it is still alive after {@code timeoutSeconds}
     * (then it is killed with its children) or prints a line that is not an event. Used to wait without a
     * limit and discard stderr: a stuck worker hung the build and a broken one said nothing.
     */
    static RunHistory runOne(RunSpec run, java.util.Map<String, String> environment, long timeoutSeconds)
            throws Exception {
        return runOne(run, environment, timeoutSeconds, null);
    }

    private static RunHistory runOne(RunSpec run, java.util.Map<String, String> environment, long timeoutSeconds,
                                     Path keptDir) throws Exception {
        // The app's own launcher builds the command and the native environment, as for a real run.
        Path runsDir = keptDir != null ? keptDir : Files.createTempDirectory("worker-test");
        Path stderr = runsDir.resolve(run.runId() + ".stderr.txt");
        try {
            ProcessBuilder builder = WorkerCommand.forCurrentJvm().processFor(run, runsDir, WorkerMemory.forParallel(2));
            builder.environment().putAll(environment);
            builder.redirectError(stderr.toFile());
            Process process = builder.start();
            java.util.concurrent.atomic.AtomicBoolean killed = new java.util.concurrent.atomic.AtomicBoolean();
            // reading stdout blocks while a stuck worker keeps it open: the watchdog ends the read by killing it
            java.util.concurrent.CompletableFuture.delayedExecutor(timeoutSeconds, java.util.concurrent.TimeUnit.SECONDS)
                    .execute(() -> {
                        if (process.isAlive()) {
                            killed.set(true);
                            process.descendants().forEach(ProcessHandle::destroyForcibly);
                            process.destroyForcibly();
                        }
                    });
            List<WorkerEvent> events = readEvents(process, stderr);
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS) || killed.get()) {
                process.destroyForcibly();
                throw new AssertionError("worker " + run.runId() + " still running after " + timeoutSeconds
                        + " s, killed; its stderr:\n" + tail(stderr));
            }
            return RunHistory.of(run.runId(), events, List.of());
        } finally {
            if (keptDir == null) {
                try (var files = Files.walk(runsDir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        }
    }

    private static List<WorkerEvent> readEvents(Process process, Path stderr) throws IOException {
        List<WorkerEvent> events = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                try {
                    events.add(EventCodec.decode(line));
                } catch (EventFormatException e) {
                    process.destroyForcibly();
                    throw new IOException("worker printed a line that is not an event (" + e.getMessage()
                            + "); its stderr:\n" + tail(stderr), e);
                }
            }
        }
        return events;
    }

    /** The last 4,000 characters of the worker's stderr. */
    static String tail(Path stderr) {
        try {
            String text = Files.readString(stderr, StandardCharsets.ISO_8859_1);
            return text.length() <= 4000 ? text : text.substring(text.length() - 4000);
        } catch (IOException e) {
            return "(no stderr: " + e.getMessage() + ")";
        }
    }
}

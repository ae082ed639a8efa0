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
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<RunHistory>> futures = new ArrayList<>();
            for (RunSpec run : runs) {
                futures.add(pool.submit(() -> runOne(run, environment)));
            }
            List<RunHistory> histories = new ArrayList<>();
            for (Future<RunHistory> future : futures) {
                histories.add(future.get());
            }
            return histories;
        } finally {
            pool.shutdownNow();
        }
    }

    static RunSpec runSpec(String id, ExperimentSpec spec, ResolvedSeeds seeds) {
        return new RunSpec(ExperimentSpec.SCHEMA_VERSION, id, spec, seeds);
    }

    private static RunHistory runOne(RunSpec run, java.util.Map<String, String> environment) throws IOException, InterruptedException, EventFormatException {
        // The app's own launcher builds the command and the native environment, as for a real run.
        Path runsDir = Files.createTempDirectory("worker-test");
        ProcessBuilder builder = WorkerCommand.forCurrentJvm().processFor(run, runsDir, WorkerMemory.forParallel(2));
        builder.environment().putAll(environment);
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        List<WorkerEvent> events = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                events.add(EventCodec.decode(line));
            }
        }
        process.waitFor();
        try (var files = Files.walk(runsDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
        return RunHistory.of(run.runId(), events, List.of());
    }
}

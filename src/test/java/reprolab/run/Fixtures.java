package reprolab.run;

import reprolab.events.RunHistory;
import reprolab.events.WorkerEvent;
import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.ResolvedSeeds;
import reprolab.experiment.RunSpec;
import reprolab.run.fakes.ScriptedWorker;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Shared set-up of the launcher tests: fake workers that start fast. */
final class Fixtures {

    private Fixtures() {
    }

    /** A runner starting {@link ScriptedWorker} with JVM options that shorten its start-up. */
    static ExperimentRunner runner() {
        return new ExperimentRunner(WorkerCommand.forCurrentJvm()
                .withMainClass(ScriptedWorker.class.getName())
                .withExtraJvmArgs(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k")))
                .withSilenceTimeout(Duration.ofSeconds(20));
    }

    static ExperimentFolder folder(Path root) throws IOException {
        return new ExperimentStore(root).create(ExperimentSpec.defaults().withName("test"));
    }

    /** Runs whose ids name the fake worker's script, e.g. "ok-1", "crash-1". */
    static List<RunSpec> runs(ExperimentSpec spec, String... ids) {
        List<RunSpec> runs = new ArrayList<>();
        for (String id : ids) {
            runs.add(new RunSpec(ExperimentSpec.SCHEMA_VERSION, id, spec, new ResolvedSeeds(1, 2, 3, 4)));
        }
        return runs;
    }

    static List<RunSpec> runs(String... ids) {
        return runs(ExperimentSpec.defaults(), ids);
    }

    static RunHistory byId(List<RunHistory> runs, String id) {
        return runs.stream().filter(r -> r.runId().equals(id)).findFirst().orElseThrow();
    }

    /** Remembers every event it hears, per run. */
    static final class Recorder implements RunListener {
        final Map<String, List<WorkerEvent>> events = new ConcurrentHashMap<>();
        final List<String> ended = Collections.synchronizedList(new ArrayList<>());
        volatile List<RunHistory> all;

        @Override
        public void onEvent(String runId, WorkerEvent event) {
            events.computeIfAbsent(runId, k -> Collections.synchronizedList(new ArrayList<>())).add(event);
        }

        @Override
        public void onRunEnded(String runId, RunHistory history) {
            ended.add(runId);
        }

        @Override
        public void onAllEnded(List<RunHistory> runs) {
            all = runs;
        }
    }
}

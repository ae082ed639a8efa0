package reprolab.run;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reprolab.events.FailureCause;
import reprolab.events.IterationEvent;
import reprolab.events.RunHistory;
import reprolab.events.RunStatus;
import reprolab.events.WorkerEvent;
import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.RunSpec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Slurm target on the real local cluster: tiny runs, stopped early where the test is about stopping. */
class SlurmTargetTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void clusterIsUp() throws Exception {
        LocalSlurm.requireRunning();
    }

    /** Hears events and statuses, and opens a latch at the first iteration of a run. */
    private static final class Watcher implements RunListener {
        final CountDownLatch firstIteration = new CountDownLatch(1);
        final Map<String, String> statuses = new ConcurrentHashMap<>();
        final String runOfInterest;

        Watcher(String runOfInterest) {
            this.runOfInterest = runOfInterest;
        }

        @Override
        public void onEvent(String runId, WorkerEvent event) {
            if (runId.equals(runOfInterest) && event instanceof IterationEvent) {
                firstIteration.countDown();
            }
        }

        @Override
        public void onStatus(String runId, String status) {
            statuses.merge(runId, status, (a, b) -> a + " | " + b);
        }
    }

    @Test
    void cancelStopsEveryTaskWithinSecondsAndKeepsWhatArrived() throws Exception {
        ExperimentSpec longRun = LocalSlurm.tiny(500);
        ExperimentFolder folder = new ExperimentStore(dir).create(longRun);
        Watcher watcher = new Watcher("run-01");
        RunningExperiment running = LocalSlurm.target().start(folder,
                List.of(LocalSlurm.run("run-01", longRun), LocalSlurm.run("run-02", longRun)), 2, watcher);
        assertTrue(watcher.firstIteration.await(120, TimeUnit.SECONDS), "run-01 never reported an iteration");
        long cancelled = System.nanoTime();
        running.cancelAll();
        List<RunHistory> runs = running.completion().get(30, TimeUnit.SECONDS);
        assertTrue(Duration.ofNanos(System.nanoTime() - cancelled).toSeconds() < 15, "cancel took too long");
        for (RunHistory run : runs) {
            assertEquals(FailureCause.CANCELLED, run.failed().cause(), run.runId() + ": " + run.failed().reason());
        }
        RunHistory first = folder.loadRuns().get(0);
        assertFalse(first.iterations().isEmpty(), "the iterations that arrived before the cancel are kept on disk");
        assertEquals(RunStatus.CANCELLED, first.status());
        String status = watcher.statuses.get("run-01");
        assertTrue(LocalSlurm.nodes().stream().anyMatch(n -> status.contains("running on node " + n)), status);
    }

    @Test
    void aTaskKilledWithSignalNineFailsWithTheReasonAndTheOtherFinishes() throws Exception {
        ExperimentFolder folder = new ExperimentStore(dir).create(LocalSlurm.tiny(500));
        List<RunSpec> runs = List.of(LocalSlurm.run("run-01", LocalSlurm.tiny(500)), LocalSlurm.run("run-02", LocalSlurm.tiny(2)));
        Watcher watcher = new Watcher("run-01");
        SlurmExperiment running = (SlurmExperiment) LocalSlurm.target().start(folder, runs, 2, watcher);
        assertTrue(watcher.firstIteration.await(120, TimeUnit.SECONDS), "run-01 never reported an iteration");
        SlurmCommands.fromEnvironment().runOk("scancel", List.of("--signal=KILL", running.jobId() + "_0"));
        List<RunHistory> ended = running.completion().get(180, TimeUnit.SECONDS);
        RunHistory killed = ended.get(0);
        assertEquals(FailureCause.CRASHED, killed.failed().cause(), killed.failed().reason());
        assertTrue(killed.failed().reason().contains("killed outside ReproLab (Slurm: CANCELLED on node "),
                killed.failed().reason());
        assertEquals(RunStatus.FINISHED, ended.get(1).status(), String.valueOf(ended.get(1).failed()));
        assertEquals(killed.failed(), folder.loadRuns().get(0).failed(), "the failure is stored in the run's log");
    }

    @Test
    void aTaskPastItsTimeLimitFailsAsATimeoutWithWhatToAskFor() throws Exception {
        // Slurm's smallest limit is a minute; it checks limits every ~30 s and allows KillWait (5 s)
        ExperimentSpec longRun = reprolab.experiment.SpecJson.parse("{\"name\": \"slurm timeout\", \"data\":"
                + " {\"trainSize\": 2000, \"validationSize\": 50}, \"model\": {\"name\": \"tiny\", \"batchSize\": 50,"
                + " \"epochs\": 1000}}"); // 40,000 updates: far beyond the minute
        ExperimentFolder folder = new ExperimentStore(dir).create(longRun);
        SlurmTarget oneMinute = new SlurmTarget(WorkerCommand.forCurrentJvm(),
                new SlurmSettings(null, null, "1", List.of(), false), SlurmCommands.fromEnvironment());
        Watcher watcher = new Watcher("run-01");
        RunningExperiment running = oneMinute.start(folder, List.of(LocalSlurm.run("run-01", longRun)), 1, watcher);
        RunHistory run = running.completion().get(240, TimeUnit.SECONDS).get(0);
        assertEquals(FailureCause.TIMEOUT, run.failed().cause(), run.failed().reason());
        assertTrue(run.failed().reason().matches("Slurm stopped the task at its time limit \\(TIMEOUT on node ("
                + String.join("|", LocalSlurm.nodes()) + ")\\) after iteration (?s).*"), run.failed().reason());
        assertTrue(run.failed().reason().contains("; ask for more with --time"), run.failed().reason());
        assertTrue(run.iterations().size() > 1, "it trained until the limit");
        assertEquals(run.failed(), folder.loadRuns().get(0).failed(), "the failure is stored in the run's log");
    }

    @Test
    void reopeningTheFolderFollowsTheSameJobToItsEnd() throws Exception {
        ExperimentSpec spec = LocalSlurm.tiny(1);
        ExperimentFolder folder = new ExperimentStore(dir).create(spec);
        SlurmExperiment first = (SlurmExperiment) LocalSlurm.target().start(folder,
                List.of(LocalSlurm.run("run-01", spec)), 1, null);
        first.stopFollowing(); // the app closed while the job waits or runs
        assertFalse(first.isDone());
        RunningExperiment again = SlurmTarget.resume(folder, SlurmCommands.fromEnvironment(), null).orElseThrow();
        List<RunHistory> runs = again.completion().get(180, TimeUnit.SECONDS);
        assertEquals(RunStatus.FINISHED, runs.get(0).status(), String.valueOf(runs.get(0).failed()));
        assertEquals(runs.get(0).finished(), folder.loadRuns().get(0).finished());
        assertEquals(SlurmTarget.jobId(folder).orElseThrow(), ((SlurmExperiment) again).jobId());
    }

    @Test
    void aPyTorchTaskWritesItsOwnFormatVersionAndTheProvenanceOfALocalRun() throws Exception {
        ExperimentSpec tiny = LocalSlurm.tiny(1);
        ExperimentSpec torch = tiny.withExecution(tiny.execution().withEngine(reprolab.experiment.Engine.PYTORCH));
        ExperimentFolder folder = new ExperimentStore(dir).create(torch);
        RunHistory run = LocalSlurm.target().start(folder, List.of(LocalSlurm.run("run-01", torch)), 1, null)
                .completion().get(180, TimeUnit.SECONDS).get(0);
        assertEquals(RunStatus.FINISHED, run.status(), String.valueOf(run.failed()));
        for (String line : java.nio.file.Files.readAllLines(folder.logFile("run-01"))) {
            assertEquals(reprolab.events.EventCodec.FORMAT_VERSION,
                    reprolab.experiment.Json.mapper().readTree(line).path("formatVersion").asInt(), line);
        }
        reprolab.events.Provenance p = run.started().provenance();
        assertEquals(2, p.dataChecksums().size(), "the sample's two files: " + p.dataChecksums());
        p.dataChecksums().values().forEach(sum -> assertTrue(sum.matches("[0-9a-f]{64}"), sum));
        assertFalse(p.cpuFlags().isEmpty(), "cpu flags");
        assertTrue(LocalSlurm.nodes().contains(p.environment().get("hostname")), "the node: " + p.environment());
        String script = java.nio.file.Files.readString(folder.runsDir().resolve("slurm-job.sh"));
        assertFalse(script.contains("--launcher-pid"), "the task does not watch the submitter");
    }
}

package reprolab.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reprolab.events.EventCodec;
import reprolab.events.FailedEvent;
import reprolab.events.FinishedEvent;
import reprolab.events.IterationEvent;
import reprolab.events.RunHistory;
import reprolab.events.RunStatus;
import reprolab.events.WorkerEvent;
import reprolab.experiment.ExperimentSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Following Slurm tasks when Slurm does not answer, with fake client commands (FakeSlurm): a failed
 * or hung query decides nothing, the runs are "unknown since HH:MM", the logs keep being read, and
 * following resumes when Slurm answers again.
 */
class SlurmFollowingTest {

    @TempDir
    Path dir;

    private static final class Heard implements RunListener {
        final List<WorkerEvent> events = new CopyOnWriteArrayList<>();
        final Map<String, String> status = new ConcurrentHashMap<>();

        @Override
        public void onEvent(String runId, WorkerEvent event) {
            events.add(event);
        }

        @Override
        public void onStatus(String runId, String status) {
            this.status.put(runId, status);
        }
    }

    private SlurmExperiment follow(ExperimentFolder folder, SlurmCommands commands, Heard heard) {
        SlurmExperiment experiment = new SlurmExperiment(folder, List.of("run-01"),
                List.of(new SlurmJob("4242", List.of(0))), commands, heard);
        experiment.start();
        return experiment;
    }

    private static void append(ExperimentFolder folder, WorkerEvent event) throws Exception {
        Files.writeString(folder.logFile("run-01"), EventCodec.encode(event) + "\n", StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, long seconds, String what)
            throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, what);
            Thread.sleep(50);
        }
    }

    @Test
    void aSlurmThatFailsFastIsUnknownForLongerThanTheLostLimitAndNothingIsWrittenIntoTheLog() throws Exception {
        FakeSlurm slurm = new FakeSlurm(dir.resolve("bin"));
        slurm.mode("fail"); // squeue, scontrol: "Unable to contact slurm controller"; sacct: no accounting
        ExperimentFolder folder = new ExperimentStore(dir.resolve("store")).create(ExperimentSpec.defaults());
        Heard heard = new Heard();
        SlurmExperiment running = follow(folder, slurm.commands(Duration.ofSeconds(10)), heard);
        append(folder, new IterationEvent(0, 0, 2.3, 0.1, List.of(), "h0", 0));
        Thread.sleep(36_000); // more than 30 queries, after which a task Slurm does not know counts as lost
        assertFalse(running.isDone(), "a failed query must not end the run");
        RunHistory stored = folder.loadRuns().get(0);
        assertNull(stored.failed(), "nothing may be written into a live task's log: " + stored.failed());
        String status = heard.status.get("run-01");
        assertTrue(status != null && status.matches("unknown since \\d\\d:\\d\\d: Slurm does not answer \\(squeue failed.*"),
                String.valueOf(status));

        slurm.queue("0|RUNNING|None|n2");
        slurm.mode("running");
        waitFor(() -> "running on node n2".equals(heard.status.get("run-01")), 10, "following resumes: " + heard.status);
        append(folder, new FinishedEvent("h3", 3, 100, 33.0, 0.5, 0.9, false, -1, Map.of()));
        List<RunHistory> ended = running.completion().get(10, TimeUnit.SECONDS);
        assertEquals(RunStatus.FINISHED, ended.get(0).status());
    }

    @Test
    void aHungSqueueIsStoppedAtItsTimeoutAndNeitherExperimentStopsReadingItsLog() throws Exception {
        FakeSlurm slurm = new FakeSlurm(dir.resolve("bin"));
        slurm.mode("hang");
        SlurmCommands commands = slurm.commands(Duration.ofSeconds(3));
        ExperimentStore store = new ExperimentStore(dir.resolve("store"));
        ExperimentFolder first = store.create(ExperimentSpec.defaults());
        ExperimentFolder second = store.create(ExperimentSpec.defaults().withName("second"));
        Heard heardFirst = new Heard();
        Heard heardSecond = new Heard();
        SlurmExperiment a = follow(first, commands, heardFirst);
        SlurmExperiment b = follow(second, commands, heardSecond);
        waitFor(() -> Files.exists(slurm.dir.resolve("squeue.pid")), 10, "squeue was asked");
        long sleeper = Long.parseLong(Files.readString(slurm.dir.resolve("squeue.pid")).strip());
        append(first, new IterationEvent(0, 0, 2.3, 0.1, List.of(), "h0", 0));
        append(second, new IterationEvent(0, 0, 2.3, 0.1, List.of(), "h0", 0));
        waitFor(() -> heardFirst.events.size() == 1 && heardSecond.events.size() == 1, 2,
                "events reach the listeners while squeue hangs");
        waitFor(() -> String.valueOf(heardFirst.status.get("run-01")).contains("squeue did not answer within 3 s"), 15,
                "the hung squeue is reported: " + heardFirst.status);
        waitFor(() -> ProcessHandle.of(sleeper).map(p -> !p.isAlive()).orElse(true), 10,
                "the hung squeue's child was killed with it");
        slurm.mode("running");
        slurm.queue("0|PENDING|Priority|");
        waitFor(() -> "pending (Priority)".equals(heardSecond.status.get("run-01")), 20, "following resumes: " + heardSecond.status);
        a.stopFollowing();
        b.stopFollowing();
    }

    @Test
    void theTasksOwnExitFileEndsItsRunWhileSlurmIsAway() throws Exception {
        FakeSlurm slurm = new FakeSlurm(dir.resolve("bin"));
        slurm.mode("fail");
        ExperimentFolder folder = new ExperimentStore(dir.resolve("store")).create(ExperimentSpec.defaults());
        Heard heard = new Heard();
        SlurmExperiment running = follow(folder, slurm.commands(Duration.ofSeconds(10)), heard);
        append(folder, new IterationEvent(0, 0, 2.3, 0.1, List.of(), "h0", 0));
        Files.writeString(folder.runsDir().resolve("run-01.exit"), "137\n");
        RunHistory run = running.completion().get(15, TimeUnit.SECONDS).get(0);
        FailedEvent failed = run.failed();
        assertTrue(failed.reason().contains("exited with code 137"), failed.reason());
        assertEquals(failed, folder.loadRuns().get(0).failed());
    }
}

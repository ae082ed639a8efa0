package reprolab.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reprolab.events.FailureCause;
import reprolab.events.IterationEvent;
import reprolab.events.WorkerEvent;
import reprolab.events.RunHistory;
import reprolab.events.RunStatus;
import reprolab.events.StartedEvent;
import reprolab.experiment.ExperimentSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static reprolab.run.Fixtures.byId;
import static reprolab.run.Fixtures.runs;

class ExperimentRunnerTest {

    private static final Duration GUARD = Duration.ofSeconds(60);

    @TempDir
    Path root;

    @Test
    void crashedWorkerFailsWithItsStderrTailWhileAParallelOneFinishes() throws Exception {
        ExperimentFolder folder = Fixtures.folder(root);
        Fixtures.Recorder heard = new Fixtures.Recorder();
        List<RunHistory> result = assertTimeoutPreemptively(GUARD, () -> Fixtures.runner()
                .start(folder, runs("ok-1", "crash-1"), 2, heard).await());

        RunHistory ok = byId(result, "ok-1");
        assertEquals(RunStatus.FINISHED, ok.status());
        assertEquals(4, ok.iterations().size());
        RunHistory crashed = byId(result, "crash-1");
        assertEquals(RunStatus.FAILED, crashed.status());
        assertEquals(FailureCause.CRASHED, crashed.failed().cause());
        assertEquals(1, crashed.failed().iteration());
        assertTrue(crashed.failed().reason().contains("exited with code 3"), crashed.failed().reason());
        assertTrue(crashed.failed().reason().contains("boom line 30"), crashed.failed().reason());
        assertFalse(crashed.failed().reason().contains("boom line 10\n"), "only the last 20 lines are kept");
        assertTrue(Files.readString(folder.stderrFile("crash-1")).contains("boom line 1\n"));
    }

    @Test
    void everyEventIsStoredAndHeardAndTheStoreReadsBackWhatWasHeard() throws Exception {
        ExperimentFolder folder = Fixtures.folder(root);
        Fixtures.Recorder heard = new Fixtures.Recorder();
        List<RunHistory> result = assertTimeoutPreemptively(GUARD, () -> Fixtures.runner()
                .start(folder, runs("ok-1"), 1, heard).await());

        assertEquals(7, heard.events.get("ok-1").size()); // started, 4 iterations, epoch, finished
        assertEquals(List.of("ok-1"), heard.ended);
        assertEquals(result, heard.all);
        assertEquals(result, folder.loadRuns());
    }

    @Test
    void workerEnvironmentFollowsTheExecutionSettings() throws Exception {
        ExperimentSpec spec = ExperimentSpec.defaults()
                .withExecution(ExperimentSpec.defaults().execution().withThreads(3).withHelpers(false));
        ExperimentFolder folder = Fixtures.folder(root);
        List<RunHistory> result = assertTimeoutPreemptively(GUARD, () -> Fixtures.runner()
                .start(folder, runs(spec, "ok-1"), 1, null).await());

        Map<String, String> env = result.get(0).started().provenance().environment();
        assertEquals("3", env.get("OMP_NUM_THREADS"));
        assertEquals("3", env.get("SD_MAX_THREADS"));
        assertEquals("3", env.get("SD_MASTER_THREADS"));
        assertEquals("true", env.get("SD_FORBID_HELPERS"));
        assertEquals("100", env.get("BACKEND_PRIORITY_CPU"));
        assertEquals("0", env.get("BACKEND_PRIORITY_GPU"));
        assertNotNull(env.get("reprolab.home"));
    }

    @Test
    void silentWorkerIsStoppedAsHungAndKeepsWhatItReported() throws Exception {
        ExperimentFolder folder = Fixtures.folder(root);
        List<RunHistory> result = assertTimeoutPreemptively(GUARD, () -> Fixtures.runner()
                .withSilenceTimeout(Duration.ofSeconds(4)) // longer than a loaded machine takes to start a JVM
                .start(folder, runs("hang-1"), 1, null).await());

        RunHistory hung = result.get(0);
        assertEquals(FailureCause.TIMEOUT, hung.failed().cause());
        assertTrue(hung.failed().reason().contains("reported nothing"), hung.failed().reason());
        assertEquals(1, hung.iterations().size());
        assertEquals(RunStatus.FAILED, folder.loadRuns().get(0).status());
    }

    @Test
    void workerPrintingGarbageIsStoppedWithTheLinesRecordedAsProblems() throws Exception {
        ExperimentFolder folder = Fixtures.folder(root);
        List<RunHistory> result = assertTimeoutPreemptively(GUARD, () -> Fixtures.runner()
                .withGarbageLimit(20, 1 << 20)
                .start(folder, runs("garbage-1"), 1, null).await());

        RunHistory run = result.get(0);
        assertEquals(FailureCause.ERROR, run.failed().cause());
        assertTrue(run.failed().reason().contains("not events"), run.failed().reason());
        assertFalse(run.problems().isEmpty());
        assertTrue(Files.readString(folder.stderrFile("garbage-1")).contains("[stdout, not an event] not an event 0"));
    }

    @Test
    void hugeLineIsSkippedAndTheRunStillFinishes() throws Exception {
        ExperimentFolder folder = Fixtures.folder(root);
        List<RunHistory> result = assertTimeoutPreemptively(GUARD, () -> Fixtures.runner()
                .start(folder, runs("huge-1"), 1, null).await());

        RunHistory run = result.get(0);
        assertEquals(RunStatus.FINISHED, run.status());
        assertTrue(run.problems().get(0).contains("longer than any event"), run.problems().toString());
        assertTrue(Files.size(folder.stderrFile("huge-1")) < 10_000, "the huge line is not copied whole");
    }

    @Test
    void workerHaltedMidLineIsCrashedAndItsCutLineIsAProblem() throws Exception {
        ExperimentFolder folder = Fixtures.folder(root);
        List<RunHistory> result = assertTimeoutPreemptively(GUARD, () -> Fixtures.runner()
                .start(folder, runs("halt-1"), 1, null).await());

        RunHistory run = result.get(0);
        assertEquals(FailureCause.CRASHED, run.failed().cause());
        assertTrue(run.failed().reason().contains("code 7"), run.failed().reason());
        assertEquals(1, run.iterations().size());
        assertEquals(1, run.problems().size());
    }

    @Test
    void outOfMemoryInAWorkerIsReportedAsSuch() throws Exception {
        ExperimentFolder folder = Fixtures.folder(root);
        List<RunHistory> result = assertTimeoutPreemptively(GUARD, () -> Fixtures.runner()
                .start(folder, runs("oom-1"), 1, null).await());

        assertEquals(FailureCause.OUT_OF_MEMORY, result.get(0).failed().cause());
        assertTrue(result.get(0).failed().reason().contains("OutOfMemoryError"));
    }

    @Test
    void failureReportedByTheWorkerIsKeptAsItSaidIt() throws Exception {
        ExperimentFolder folder = Fixtures.folder(root);
        List<RunHistory> result = assertTimeoutPreemptively(GUARD, () -> Fixtures.runner()
                .start(folder, runs("failed-1"), 1, null).await());

        assertEquals(FailureCause.ERROR, result.get(0).failed().cause());
        assertEquals("the data file is broken", result.get(0).failed().reason());
        assertTrue(result.get(0).problems().isEmpty());
    }

    @Test
    void cancelWhileAWorkerIsMidOutputIsACancelNotAStorageFailure() throws Exception {
        for (int attempt = 0; attempt < 5; attempt++) {
            ExperimentFolder folder = Fixtures.folder(root);
            Fixtures.Recorder heard = new Fixtures.Recorder();
            RunningExperiment running = Fixtures.runner().start(folder, runs("chatty-1"), 1, heard);
            assertTimeoutPreemptively(GUARD, () -> {
                while (iterationsHeard(heard, "chatty-1") < 50) {
                    Thread.sleep(5);
                }
            });
            running.cancelAll();
            List<RunHistory> result = assertTimeoutPreemptively(GUARD, running::await);
            assertEquals(RunStatus.CANCELLED, byId(result, "chatty-1").status(),
                    "attempt " + attempt + ": " + byId(result, "chatty-1").failed());
            assertEquals(RunStatus.CANCELLED, byId(folder.loadRuns(), "chatty-1").status());
        }
    }

    @Test
    void cancelKillsTheWorkerAndItsChildrenAndKeepsWhatWasReported() throws Exception {
        ExperimentFolder folder = Fixtures.folder(root);
        Fixtures.Recorder heard = new Fixtures.Recorder();
        RunningExperiment running = Fixtures.runner().start(folder, runs("tree-1", "ticking-2"), 2, heard);
        assertTimeoutPreemptively(GUARD, () -> {
            while (iterationsHeard(heard, "tree-1") < 3 || iterationsHeard(heard, "ticking-2") < 1) {
                Thread.sleep(20);
            }
        });
        StartedEvent started = (StartedEvent) heard.events.get("tree-1").get(0);
        long worker = Long.parseLong(started.provenance().environment().get("pid"));
        long child = Long.parseLong(started.provenance().device().substring("child:".length()));

        long before = System.nanoTime();
        running.cancelAll();
        List<RunHistory> result = assertTimeoutPreemptively(Duration.ofSeconds(5), running::await);
        assertTrue(System.nanoTime() - before < Duration.ofSeconds(5).toNanos());

        assertFalse(alive(worker));
        assertTrue(goneWithin(child, Duration.ofSeconds(5)), "the worker's child is killed too");
        RunHistory tree = byId(result, "tree-1");
        assertEquals(RunStatus.CANCELLED, tree.status());
        assertTrue(tree.iterations().size() >= 3);
        assertEquals(RunStatus.CANCELLED, byId(folder.loadRuns(), "tree-1").status());
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** A killed orphan lingers until the system reaps it; killed means gone soon. */
    private static boolean goneWithin(long pid, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (alive(pid) && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        return !alive(pid);
    }

    private static long iterationsHeard(Fixtures.Recorder heard, String runId) {
        List<WorkerEvent> events = heard.events.getOrDefault(runId, List.of());
        synchronized (events) { // a synchronized list: iterating needs its lock while the listener appends
            return events.stream().filter(e -> e instanceof IterationEvent).count();
        }
    }
}

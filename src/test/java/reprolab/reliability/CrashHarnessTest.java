package reprolab.reliability;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reprolab.events.FailureCause;
import reprolab.events.RunHistory;
import reprolab.events.RunStatus;
import reprolab.experiment.ExperimentSpec;
import reprolab.run.ExperimentFolder;
import reprolab.run.ExperimentRunner;
import reprolab.run.ExperimentStore;
import reprolab.run.Planner;
import reprolab.run.RunListener;
import reprolab.run.RunningExperiment;
import reprolab.run.WorkerCommand;
import reprolab.worker.WorkerMain;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kills, with SIGKILL at random moments, the app (a child JVM running the real launcher and real
 * workers) and separately single workers; afterwards the data folder must be intact and need no
 * repair. CI runs a few kills; {@code -Dreprolab.crash.appKills=N -Dreprolab.crash.workerKills=M}
 * runs more (see docs/reliability.md); {@code -Dreprolab.crash.seed=S} repeats a sequence.
 */
class CrashHarnessTest {

    private static final int APP_KILLS = Integer.getInteger("reprolab.crash.appKills", 2);
    private static final int WORKER_KILLS = Integer.getInteger("reprolab.crash.workerKills", 2);
    private static final long SEED = Long.getLong("reprolab.crash.seed", System.nanoTime());
    /** A tiny run takes about ten seconds here: kills land before, during and after runs. */
    private static final int MAX_DELAY_MS = 14_000;
    /** An orphaned worker notices within half a second that its app is gone (WorkerMain.exitWithParent). */
    private static final long ORPHAN_LIMIT_MS = 10_000;

    @TempDir
    Path root;

    @Test
    void killingTheAppAtRandomMomentsLosesNoFinishedRunAndLeavesNoOrphanWorkers() throws Exception {
        Random random = new Random(SEED);
        long slowestOrphanMs = 0;
        for (int kill = 0; kill < APP_KILLS; kill++) {
            Process app = new ProcessBuilder(WorkerCommand.forCurrentJvm().java(), "-Xmx256m", "-cp",
                    System.getProperty("java.class.path"), RealWorkerApp.class.getName(), root.toString(), "2")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            awaitExperiments(kill + 1);
            Thread.sleep(random.nextInt(MAX_DELAY_MS));
            List<ProcessHandle> workers = app.descendants().toList();
            app.destroyForcibly(); // SIGKILL: the app gets no chance to clean up
            assertTrue(app.waitFor(10, TimeUnit.SECONDS));
            slowestOrphanMs = Math.max(slowestOrphanMs, awaitGone(workers));
        }
        Map<RunStatus, Integer> counts = StoreChecks.assertIntact(root);
        assertEquals(APP_KILLS, new ExperimentStore(root).list().size());
        assertAppWorksAgain();
        System.out.println("CRASH app kills survived: " + APP_KILLS + " (seed " + SEED + "); runs afterwards: "
                + counts + "; slowest orphan worker exit: " + slowestOrphanMs + " ms");
    }

    @Test
    void killingWorkersFailsOnlyThoseRunsAsCrashedAndTheOthersFinishIntact() throws Exception {
        Random random = new Random(SEED + 1);
        ExperimentSpec spec = RealWorkerApp.tinySpec();
        ExperimentFolder folder = new ExperimentStore(root).create(spec);
        RunningExperiment running = new ExperimentRunner(WorkerCommand.forCurrentJvm())
                .start(folder, Planner.repeats(spec, WORKER_KILLS + 1), 2, RunListener.none());
        List<Long> killed = new ArrayList<>();
        while (killed.size() < WORKER_KILLS && !running.isDone()) {
            ProcessHandle worker = nextWorker(killed);
            if (worker == null) {
                Thread.sleep(50);
                continue;
            }
            Thread.sleep(random.nextInt(MAX_DELAY_MS / 2));
            worker.destroyForcibly();
            killed.add(worker.pid());
        }
        List<RunHistory> runs = running.await();
        long finished = runs.stream().filter(r -> r.status() == RunStatus.FINISHED).count();
        long crashed = runs.stream().filter(r -> r.failed() != null && r.failed().cause() == FailureCause.CRASHED).count();
        assertEquals(runs.size(), finished + crashed, "every run finished or failed as crashed: " + runs);
        assertTrue(finished >= runs.size() - killed.size(), "a run no kill hit must finish");
        StoreChecks.assertIntact(root);
        System.out.println("CRASH worker kills survived: " + killed.size() + " (seed " + SEED + "); " + crashed
                + " runs failed as crashed, " + finished + " finished intact");
    }

    /** A live worker of this JVM not killed yet, or null. */
    private static ProcessHandle nextWorker(List<Long> killed) {
        return ProcessHandle.current().descendants()
                .filter(p -> !killed.contains(p.pid()) && p.isAlive())
                .filter(p -> p.info().commandLine().map(c -> c.contains(WorkerMain.MAIN_CLASS)).orElse(false))
                .findFirst().orElse(null);
    }

    private void awaitExperiments(int count) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (new ExperimentStore(root).list().size() < count && System.nanoTime() < end) {
            Thread.sleep(20);
        }
    }

    /** Waits until every orphaned worker has exited; returns how long that took. */
    private static long awaitGone(List<ProcessHandle> workers) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + TimeUnit.MILLISECONDS.toNanos(ORPHAN_LIMIT_MS);
        while (workers.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        List<ProcessHandle> alive = workers.stream().filter(ProcessHandle::isAlive).toList();
        alive.forEach(ProcessHandle::destroyForcibly); // never leave one behind, even when the test fails
        assertTrue(alive.isEmpty(), "orphaned workers still running " + ORPHAN_LIMIT_MS + " ms after the app was killed: "
                + alive.stream().map(p -> p.info().commandLine().orElse("?")).toList());
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    /** Nothing to repair: the same data folder takes a new experiment and lists it. */
    private void assertAppWorksAgain() throws Exception {
        int before = new ExperimentStore(root).list().size();
        new ExperimentStore(root).create(ExperimentSpec.defaults().withName("after the kills"));
        assertEquals(before + 1, new ExperimentStore(root).list().size());
    }
}

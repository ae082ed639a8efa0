package reprolab.run;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reprolab.events.FailureCause;
import reprolab.events.IterationEvent;
import reprolab.events.RunHistory;
import reprolab.events.RunStatus;
import reprolab.events.WorkerEvent;
import reprolab.experiment.ExperimentSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Faults of a real two-node cluster (start-local-cluster.sh --nodes 2): a node that fails, a
 * controller that restarts, a controller that stays away. Each test leaves the cluster whole.
 */
class SlurmTwoNodeTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void twoNodes() throws Exception {
        LocalSlurm.requireNodes(2);
    }

    @AfterEach
    void clusterWholeAgain() throws Exception {
        LocalSlurm.script("start-local-cluster.sh", "--nodes", "2"); // starts what a test stopped
    }

    /** Hears iterations and the latest status of each run. */
    private static final class Watcher implements RunListener {
        final Map<String, AtomicInteger> iterations = new ConcurrentHashMap<>();
        final Map<String, String> status = new ConcurrentHashMap<>();

        @Override
        public void onEvent(String runId, WorkerEvent event) {
            if (event instanceof IterationEvent) {
                iterations.computeIfAbsent(runId, id -> new AtomicInteger()).incrementAndGet();
            }
        }

        @Override
        public void onStatus(String runId, String status) {
            this.status.put(runId, status);
        }

        int iterations(String runId) {
            AtomicInteger n = iterations.get(runId);
            return n == null ? 0 : n.get();
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, long seconds, java.util.function.Supplier<String> what)
            throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, what);
            Thread.sleep(100);
        }
    }

    private static SlurmTarget spread() {
        return new SlurmTarget(WorkerCommand.forCurrentJvm(), new SlurmSettings(null, null, null, List.of(), true),
                SlurmCommands.fromEnvironment());
    }

    /** Submits run-01 and run-02, one whole node each, and returns once both report iterations. */
    private static RunningExperiment bothTraining(ExperimentFolder folder, ExperimentSpec first, ExperimentSpec second,
                                                  Watcher watcher) throws Exception {
        RunningExperiment running = spread().start(folder,
                List.of(LocalSlurm.run("run-01", first), LocalSlurm.run("run-02", second)), 2, watcher);
        waitFor(() -> watcher.iterations("run-01") > 0 && watcher.iterations("run-02") > 0, 180,
                () -> "both runs train: " + watcher.status);
        return running;
    }

    @Test
    void aFailedNodeEndsItsRunAsNodeFailNamingTheNodeWhileTheOtherRunFinishes() throws Exception {
        ExperimentFolder folder = new ExperimentStore(dir).create(LocalSlurm.tiny(500));
        Watcher watcher = new Watcher();
        RunningExperiment running = bothTraining(folder, LocalSlurm.tiny(500), LocalSlurm.tiny(25), watcher);
        String node = Files.readString(folder.runsDir().resolve("run-01.node")).strip().split(" ")[2];
        String other = Files.readString(folder.runsDir().resolve("run-02.node")).strip().split(" ")[2];
        assertFalse(node.equals(other), "one run per node: " + node + ", " + other);
        LocalSlurm.script("fail-node.sh", node);

        List<RunHistory> ended = running.completion().get(150, TimeUnit.SECONDS);
        RunHistory failed = ended.get(0);
        assertEquals(FailureCause.CRASHED, failed.failed().cause(), failed.failed().reason());
        assertTrue(failed.failed().reason().startsWith("the node failed (NODE_FAIL on node " + node + ") after iteration "),
                failed.failed().reason());
        assertEquals(RunStatus.FINISHED, ended.get(1).status(), String.valueOf(ended.get(1).failed()));
        assertEquals(failed.failed(), folder.loadRuns().get(0).failed(), "the failure is stored in the run's log");
    }

    @Test
    void aControllerAwayIsUnknownNotFailedAndItsRestartLosesNothing() throws Exception {
        ExperimentFolder folder = new ExperimentStore(dir).create(LocalSlurm.tiny(500));
        Watcher watcher = new Watcher();
        RunningExperiment running = bothTraining(folder, LocalSlurm.tiny(500), LocalSlurm.tiny(500), watcher);
        long controller = Long.parseLong(Files.readString(LocalSlurm.stateDir().resolve("slurmctld.pid")).strip());
        ProcessHandle.of(controller).orElseThrow().destroy(); // SIGTERM: slurmctld saves its state and exits
        waitFor(() -> watcher.status.getOrDefault("run-01", "").startsWith("unknown since")
                && watcher.status.getOrDefault("run-02", "").startsWith("unknown since"), 60,
                () -> "the runs are unknown while the controller is away: " + watcher.status);
        assertTrue(watcher.status.get("run-01").matches("unknown since \\d\\d:\\d\\d: Slurm does not answer \\(.+\\)"),
                watcher.status.get("run-01"));
        int before = watcher.iterations("run-01");
        Thread.sleep(3000);
        assertTrue(watcher.iterations("run-01") > before, "the log is still followed while Slurm is away");
        assertFalse(running.isDone());
        folder.loadRuns().forEach(r -> assertNull(r.failed(), r.runId() + " got a false failure: " + r.failed()));

        LocalSlurm.script("start-local-cluster.sh", "--nodes", "2"); // the controller comes back
        waitFor(() -> watcher.status.getOrDefault("run-01", "").startsWith("running on node")
                && watcher.status.getOrDefault("run-02", "").startsWith("running on node"), 60,
                () -> "following resumes: " + watcher.status);
        folder.loadRuns().forEach(r -> assertNull(r.failed(), r.runId() + " got a false failure: " + r.failed()));
        running.cancelAll();
        List<RunHistory> ended = running.completion().get(60, TimeUnit.SECONDS);
        for (RunHistory run : ended) {
            assertEquals(FailureCause.CANCELLED, run.failed().cause(), run.runId() + ": " + run.failed().reason());
            List<Integer> numbers = run.iterations().stream().map(IterationEvent::iteration).toList();
            for (int i = 0; i < numbers.size(); i++) {
                assertEquals(i, numbers.get(i), run.runId() + ": every iteration once, none lost, across the outage");
            }
            assertEquals(numbers.size(), watcher.iterations(run.runId()), "every iteration in the log was heard");
        }
    }
}

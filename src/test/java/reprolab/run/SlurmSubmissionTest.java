package reprolab.run;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reprolab.experiment.DataSource;
import reprolab.experiment.DataSpec;
import reprolab.experiment.Engine;
import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.Json;
import reprolab.experiment.ResolvedSeeds;
import reprolab.experiment.RunSpec;
import reprolab.run.fakes.PrintJvmArgs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What goes to sbatch and into the batch script, with fake Slurm commands (FakeSlurm) and the script run by bash. */
class SlurmSubmissionTest {

    @TempDir
    Path dir;

    private static RunSpec run(String id, ExperimentSpec spec) {
        return new RunSpec(ExperimentSpec.SCHEMA_VERSION, id, spec, new ResolvedSeeds(1, 2, 3, 4));
    }

    private static ExperimentSpec threads(int n) {
        ExperimentSpec spec = ExperimentSpec.defaults();
        return spec.withExecution(spec.execution().withThreads(n));
    }

    private SlurmTarget target(FakeSlurm slurm, boolean spread) {
        return new SlurmTarget(WorkerCommand.forCurrentJvm(), new SlurmSettings(null, null, null, List.of(), spread),
                slurm.commands(Duration.ofSeconds(10)));
    }

    @Test
    void everyArrayGoesWithoutRequeueAndRunsOfDifferentThreadCountsGetArraysOfTheirOwn() throws Exception {
        FakeSlurm slurm = new FakeSlurm(dir.resolve("bin"));
        ExperimentFolder folder = new ExperimentStore(dir.resolve("store")).create(ExperimentSpec.defaults());
        SlurmExperiment running = (SlurmExperiment) target(slurm, false).start(folder,
                List.of(run("run-01", threads(1)), run("run-02", threads(2)), run("run-03", threads(1)),
                        run("run-04", threads(1))), 2, null);
        running.stopFollowing();
        List<String> calls = slurm.submissions();
        assertEquals(2, calls.size(), calls.toString());
        assertTrue(calls.get(0).contains("--array=0,2-3%2 --cpus-per-task=1 "), calls.get(0));
        assertTrue(calls.get(1).contains("--array=1%1 --cpus-per-task=2 "), calls.get(1));
        calls.forEach(c -> assertTrue(c.contains("--no-requeue"), c));
        JsonNode job = Json.mapper().readTree(folder.runsDir().resolve(SlurmTarget.JOB_FILE).toFile());
        assertEquals(2, job.path("schemaVersion").asInt());
        assertEquals("[{\"jobId\":\"101\",\"tasks\":[0,2,3]},{\"jobId\":\"102\",\"tasks\":[1]}]",
                job.path("arrays").toString());
        SlurmExperiment again = (SlurmExperiment) SlurmTarget.resume(folder, slurm.commands(Duration.ofSeconds(10)), null)
                .orElseThrow();
        again.stopFollowing();
        assertEquals(running.jobs(), again.jobs());
    }

    @Test
    void aRefusedSubmissionLeavesNoExperimentBehind() throws Exception {
        FakeSlurm slurm = new FakeSlurm(dir.resolve("bin"));
        slurm.refuse();
        ExperimentStore store = new ExperimentStore(dir.resolve("store"));
        RunTargetException checked = assertThrows(RunTargetException.class, () -> target(slurm, false).check(store.root()));
        assertTrue(checked.getMessage().contains("Invalid account"), checked.getMessage());
        ExperimentFolder folder = store.create(ExperimentSpec.defaults());
        RunTargetException e = assertThrows(RunTargetException.class,
                () -> target(slurm, false).start(folder, List.of(run("run-01", threads(1))), 1, null));
        assertTrue(e.getMessage().startsWith("Slurm refused the job: sbatch: error: Batch job submission failed"),
                e.getMessage());
        assertFalse(Files.exists(folder.path()), "the refused experiment's folder is gone");
        assertEquals(List.of(), store.list());
    }

    @Test
    void spreadNodesHonoursParallelAndCountsOnlyNodesThatAreUp() throws Exception {
        FakeSlurm slurm = new FakeSlurm(dir.resolve("bin"));
        slurm.nodes(SlurmPreflight.localHost() + " idle", "localhost mix");
        ExperimentFolder folder = new ExperimentStore(dir.resolve("store")).create(ExperimentSpec.defaults());
        List<RunSpec> runs = List.of(run("run-01", threads(1)), run("run-02", threads(1)), run("run-03", threads(1)));
        ((SlurmExperiment) target(slurm, true).start(folder, runs, 1, null)).stopFollowing();
        assertTrue(slurm.submissions().get(0).contains("--array=0-2%1 "), slurm.submissions().toString());

        SlurmCommands commands = slurm.commands(Duration.ofSeconds(10));
        SlurmSettings spread = new SlurmSettings(null, null, null, List.of(), true);
        slurm.nodes("n1 idle", "n2 down*", "n3 mix", "n4 drain", "n5 idle*", "n6 alloc");
        assertEquals(3, SlurmPreflight.spreadAtOnce(commands, spread, List.of(), 8));
        assertEquals(2, SlurmPreflight.spreadAtOnce(commands, spread, List.of(), 2));
        slurm.nodes("n1 down*", "n2 drain");
        RunTargetException e = assertThrows(RunTargetException.class,
                () -> SlurmPreflight.spreadAtOnce(commands, spread, List.of("n1", "n2"), 2));
        assertTrue(e.getMessage().contains("every node of the partition (n1, n2) is down, drained or failed"), e.getMessage());
    }

    @Test
    void relativeDataPathsBecomeAbsoluteAtSubmission() throws Exception {
        FakeSlurm slurm = new FakeSlurm(dir.resolve("bin"));
        ExperimentSpec spec = ExperimentSpec.defaults().withData(
                new DataSpec(DataSource.IDX, "data/train-images.idx", "/abs/labels.idx", 100, 20));
        ExperimentFolder folder = new ExperimentStore(dir.resolve("store")).create(spec);
        ((SlurmExperiment) target(slurm, false).start(folder, List.of(run("run-01", spec)), 1, null)).stopFollowing();
        JsonNode data = Json.mapper().readTree(folder.runsDir().resolve("run-01.run.json").toFile()).path("spec").path("data");
        assertEquals(Path.of(System.getProperty("user.dir"), "data", "train-images.idx").toString(),
                data.path("imagesPath").asText());
        assertEquals("/abs/labels.idx", data.path("labelsPath").asText());
    }

    @Test
    void neitherEngineWatchesTheSubmittersPid() throws Exception {
        ExperimentSpec torch = ExperimentSpec.defaults().withExecution(
                ExperimentSpec.defaults().execution().withEngine(Engine.PYTORCH));
        ExperimentFolder folder = new ExperimentStore(dir.resolve("store")).create(torch);
        String script = SlurmBatchScript.write(WorkerCommand.forCurrentJvm(), folder,
                List.of(run("run-01", torch), run("run-02", ExperimentSpec.defaults())));
        assertTrue(script.contains("'-m' \\\n     'reprolab_worker'"), "the PyTorch worker is in the script");
        assertFalse(script.contains("--launcher-pid"), script);
        assertFalse(script.contains(String.valueOf(ProcessHandle.current().pid())), script);
        assertFalse(script.contains(WorkerCommand.LAUNCHER_PID_OPTION), script);
    }

    /** Runs task 0 of the experiment's batch script by hand, as slurmd would, with these Slurm variables. */
    private int runTask(ExperimentFolder folder, Map<String, String> slurmEnv) throws Exception {
        ProcessBuilder task = new ProcessBuilder("bash", folder.runsDir().resolve("slurm-job.sh").toString());
        task.environment().put("SLURM_ARRAY_TASK_ID", "0");
        task.environment().put("SLURM_ARRAY_JOB_ID", "7");
        task.environment().putAll(slurmEnv);
        task.redirectErrorStream(true).redirectOutput(dir.resolve("task.out").toFile());
        return task.start().waitFor();
    }

    private ExperimentFolder scriptOfOneRun() throws Exception {
        ExperimentFolder folder = new ExperimentStore(dir.resolve("store")).create(ExperimentSpec.defaults());
        WorkerCommand printer = WorkerCommand.forCurrentJvm().withMainClass(PrintJvmArgs.class.getName());
        Files.createDirectories(folder.runsDir());
        Files.writeString(folder.runsDir().resolve("slurm-job.sh"),
                SlurmBatchScript.write(printer, folder, List.of(run("run-01", threads(1)))));
        return folder;
    }

    @Test
    void theWorkersMemoryComesFromWhatTheNodeGaveTheTask() throws Exception {
        ExperimentFolder folder = scriptOfOneRun();
        assertEquals(0, runTask(folder, Map.of("SLURM_MEM_PER_NODE", "3000")), Files.readString(dir.resolve("task.out")));
        List<String> options = Files.readAllLines(folder.logFile("run-01"));
        long share = 3000L * 1048576 * 9 / 10;
        assertTrue(options.contains("-Xmx" + share / 3 / 1048576 + "m"), options.toString());
        assertTrue(options.contains("-Dorg.bytedeco.javacpp.maxphysicalbytes=" + share), options.toString());
        assertTrue(options.contains("-Dorg.bytedeco.javacpp.maxbytes=" + share / 2), options.toString());

        Files.delete(folder.logFile("run-01"));
        assertEquals(0, runTask(folder, Map.of("SLURM_CPUS_PER_TASK", "1")));
        long node = Long.parseLong(Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\D", "")) * 1024;
        long cpus = Long.parseLong(new String(new ProcessBuilder("nproc", "--all").start().getInputStream().readAllBytes()).strip());
        long nodeShare = Math.min(8L << 30, (node - Math.max(1L << 30, node / 4)) / cpus);
        List<String> fromNode = Files.readAllLines(folder.logFile("run-01"));
        assertTrue(fromNode.contains("-Dorg.bytedeco.javacpp.maxphysicalbytes=" + nodeShare), fromNode.toString());
    }

    @Test
    void aRequeuedTaskDoesNotAppendASecondAttemptToItsLog() throws Exception {
        ExperimentFolder folder = scriptOfOneRun();
        Files.writeString(folder.logFile("run-01"), "first attempt\n");
        assertEquals(SlurmBatchScript.EXIT_REQUEUED, runTask(folder, Map.of("SLURM_RESTART_COUNT", "1")));
        assertEquals("first attempt\n", Files.readString(folder.logFile("run-01")), "nothing was appended");
        assertTrue(Files.readString(folder.stderrFile("run-01")).contains("Slurm started this task again (restart 1)"));
    }
}

package reprolab.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reprolab.experiment.Backend;
import reprolab.experiment.DataTypeName;
import reprolab.experiment.ExecutionSpec;
import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.RunSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkerCommandTest {

    private static final long GIB = 1L << 30;

    @TempDir
    Path runsDir;

    @Test
    void commandIsAnArgumentListWithLimitsSpecFileAndArgfile() throws Exception {
        RunSpec run = Fixtures.runs("run-01").get(0);
        WorkerMemory memory = WorkerMemory.plan(16 * GIB, 2);
        List<String> command = WorkerCommand.forCurrentJvm().processFor(run, runsDir, memory).command();

        assertTrue(Files.isExecutable(Path.of(command.get(0))), command.get(0));
        assertTrue(command.containsAll(memory.jvmOptions()));
        assertTrue(command.stream().anyMatch(a -> a.startsWith("-Dreprolab.home=")));
        assertEquals(List.of(WorkerCommand.WORKER_MAIN, "--run-spec", runsDir.resolve("run-01.run.json").toString()),
                command.subList(command.size() - 3, command.size()));
        assertEquals(run, RunSpec.fromJson(Files.readString(runsDir.resolve("run-01.run.json"))));
        assertTrue(Files.readString(runsDir.resolve("run-01.args")).startsWith("-cp\n\""));
    }

    @Test
    void workersCompileOnlyReallyHotCodeAndAUsersOwnJitOptionComesLaterAndWins() throws Exception {
        RunSpec run = Fixtures.runs("run-01").get(0);
        List<String> command = WorkerCommand.forCurrentJvm().withExtraJvmArgs(List.of("-XX:CompileThresholdScaling=1"))
                .processFor(run, runsDir, WorkerMemory.plan(16 * GIB, 2)).command();
        int ours = command.indexOf("-XX:CompileThresholdScaling=4");
        assertTrue(ours > 0, command.toString());
        assertTrue(command.indexOf("-XX:CompileThresholdScaling=1") > ours, "the last -XX option is the one that counts");
    }

    @Test
    void workerJavaIsTheRuntimesOwnLauncherNotTheProcessCommand() throws Exception {
        // An installed app runs as bin/ReproLab, a native launcher; its runtime sits in lib/runtime.
        Path runtime = runsDir.resolve("lib/runtime");
        Path java = Files.createDirectories(runtime.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\n");
        assertTrue(java.toFile().setExecutable(true));

        assertEquals(java.toString(), WorkerCommand.javaIn(runtime).orElseThrow());
        assertTrue(WorkerCommand.javaIn(runsDir).isEmpty());
        assertEquals(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                WorkerCommand.forCurrentJvm().java());
    }

    @Test
    void aFaultSwitchInheritedFromTheAppsEnvironmentNeverReachesAWorker() throws Exception {
        Map<String, String> env = new HashMap<>(Map.of(WorkerCommand.FAULT_VARIABLE, "crash@1", "HOME", "/home/u"));
        WorkerCommand.applyEnvironment(env, ExecutionSpec.defaults());
        assertFalse(env.containsKey(WorkerCommand.FAULT_VARIABLE));
        assertEquals("/home/u", env.get("HOME"), "the rest of the environment is kept");

        ProcessBuilder builder = WorkerCommand.forCurrentJvm().processFor(Fixtures.runs("run-01").get(0), runsDir,
                WorkerMemory.plan(16 * GIB, 1));
        assertFalse(builder.environment().containsKey(WorkerCommand.FAULT_VARIABLE));
    }

    @Test
    void aFaultSwitchInheritedFromTheAppsEnvironmentNeverReachesAPythonWorkerEither() throws Exception {
        Map<String, String> env = new HashMap<>(Map.of(WorkerCommand.FAULT_VARIABLE, "nan-loss@1", "HOME", "/home/u"));
        PythonWorker.applyEnvironment(env, reprolab.experiment.SpecJson.parse(
                "{\"execution\": {\"engine\": \"pytorch\"}}").execution(), runsDir);
        assertFalse(env.containsKey(WorkerCommand.FAULT_VARIABLE));
        assertEquals("/home/u", env.get("HOME"));
    }

    @Test
    void cudaWithoutHelpersSetsGpuPriorityAndForbidsHelpers() {
        Map<String, String> env = new HashMap<>(Map.of("SD_FORBID_HELPERS", "stale"));
        WorkerCommand.applyEnvironment(env, new ExecutionSpec(4, false, DataTypeName.FLOAT, Backend.CUDA));

        assertEquals("4", env.get("OMP_NUM_THREADS"));
        assertEquals("true", env.get("SD_FORBID_HELPERS"));
        assertEquals("100", env.get("BACKEND_PRIORITY_GPU"));
        assertEquals("0", env.get("BACKEND_PRIORITY_CPU"));
    }

    @Test
    void helpersOnRemovesAnInheritedForbidFlag() {
        Map<String, String> env = new HashMap<>(Map.of("SD_FORBID_HELPERS", "true"));
        WorkerCommand.applyEnvironment(env, ExperimentSpec.defaults().execution());

        assertFalse(env.containsKey("SD_FORBID_HELPERS"));
    }

    @Test
    void workersKeepLargeBuffersInTheHeapUnlessTheUserChoseOtherwise() {
        Map<String, String> env = new HashMap<>(Map.of("MALLOC_TOP_PAD_", "0"));
        WorkerCommand.applyEnvironment(env, ExperimentSpec.defaults().execution());

        assertEquals("33554432", env.get("MALLOC_MMAP_THRESHOLD_"), "glibc's largest mmap threshold");
        assertEquals("268435456", env.get("MALLOC_TRIM_THRESHOLD_"));
        assertEquals("0", env.get("MALLOC_TOP_PAD_"), "a user's own setting is kept");
        assertFalse(env.containsKey("GOMP_SPINCOUNT"), "one thread: no OpenMP team to wait");
        assertFalse(env.containsKey("OPENBLAS_THREAD_TIMEOUT"), "one thread: no OpenBLAS worker to wait");
        assertEquals("glibc.malloc.hugetlb=1", env.get("GLIBC_TUNABLES"), "huge pages for buffers above 32 MB");
    }

    @Test
    void hugePagesJoinAUsersOwnGlibcTunablesWithoutOverridingTheirChoice() {
        assertEquals("glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1",
                WorkerCommand.withHugePages("glibc.malloc.arena_max=2"));
        assertEquals("glibc.malloc.hugetlb=0", WorkerCommand.withHugePages("glibc.malloc.hugetlb=0"));
        assertEquals("glibc.malloc.hugetlb=1", WorkerCommand.withHugePages(""));
    }

    @Test
    void parallelWorkersSpinOnlyBrieflyBetweenOpenMpRegions() {
        Map<String, String> env = new HashMap<>();
        WorkerCommand.applyEnvironment(env, new ExecutionSpec(2, true, DataTypeName.FLOAT, Backend.CPU));
        assertEquals("20000", env.get("GOMP_SPINCOUNT"));
        assertEquals("4", env.get("OPENBLAS_THREAD_TIMEOUT"), "OpenBLAS's worker sleeps soon after a product");
    }

    @Test
    void threadInvariantWorkersRunNativeCodeOnOneThread() {
        Map<String, String> env = new HashMap<>();
        WorkerCommand.applyEnvironment(env, new ExecutionSpec(2, true, DataTypeName.FLOAT, Backend.CPU)
                .withThreadInvariant(true));
        assertEquals("1", env.get("OMP_NUM_THREADS"));
        assertEquals("1", env.get("SD_MAX_THREADS"));
        assertEquals("1", env.get("SD_MASTER_THREADS"));
        assertEquals(null, env.get("OPENBLAS_THREAD_TIMEOUT"), "no OpenBLAS worker thread to wait for");
    }

    @Test
    void pythonWorkersGetTheSameAllocatorAndWaitingSettings() {
        Map<String, String> env = new HashMap<>();
        PythonWorker.applyEnvironment(env, new ExecutionSpec(2, true, DataTypeName.FLOAT, Backend.CPU), Path.of("python"));
        assertEquals("33554432", env.get("MALLOC_MMAP_THRESHOLD_"));
        assertEquals("glibc.malloc.hugetlb=1", env.get("GLIBC_TUNABLES"));
        assertEquals("4", env.get("OPENBLAS_THREAD_TIMEOUT"));
    }

    @Test
    void argfileQuotingKeepsWindowsPathsAndQuotes() {
        assertEquals("\"C:\\\\a b\\\\x.jar\"", WorkerCommand.quote("C:\\a b\\x.jar"));
        assertEquals("\"say \\\"hi\\\"\"", WorkerCommand.quote("say \"hi\""));
    }

    @Test
    void memoryIsSharedBetweenParallelRunsAndTooManyAreRefused() {
        WorkerMemory one = WorkerMemory.plan(16 * GIB, 1);
        WorkerMemory four = WorkerMemory.plan(16 * GIB, 4);
        assertEquals(3 * GIB, four.physicalBytes()); // (16 - 4) / 4
        assertTrue(one.heapBytes() > four.heapBytes());
        assertTrue(four.heapBytes() + four.offHeapBytes() <= four.physicalBytes());

        TooManyRunsException e = assertThrows(TooManyRunsException.class, () -> WorkerMemory.plan(4 * GIB, 8));
        assertEquals(3, e.fit());
        assertTrue(e.getMessage().contains("at most 3 runs fit"), e.getMessage());
    }
}

package reprolab.run;

import reprolab.experiment.Backend;
import reprolab.experiment.ExecutionSpec;
import reprolab.experiment.RunSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a worker JVM is started: {@code <java> [options] @<id>.args <main> --run-spec <id>.run.json}.
 * Always an argument list, never a shell, so nothing in a spec can become a command. Immutable.
 */
public final class WorkerCommand {

    /**
     * The worker's fault-injection switch (tests only). Never passed on from the app's own
     * environment: a variable left in a user's shell would silently crash or poison real runs. A test
     * sets it on the returned {@link ProcessBuilder} itself.
     */
    public static final String FAULT_VARIABLE = "REPROLAB_INJECT_FAULT";

    /** The worker's entry point in the app. */
    public static final String WORKER_MAIN = "reprolab.worker.WorkerMain";
    /**
     * The JVM option naming the launcher's pid (WorkerMain.LAUNCHER_PID_PROPERTY): a worker halts when
     * that process is gone. A Slurm task drops it, since the app that submitted it may well be closed.
     */
    public static final String LAUNCHER_PID_OPTION = "-Dreprolab.launcherPid=";

    /**
     * JIT options of every worker JVM: compile only what is 4 times hotter than HotSpot's default
     * thresholds. A seed-cnn worker spent ~3.0 s of CPU in the JIT compilers (C2 2.2, C1 1.0) against
     * ~12 s training, almost all on methods that run a handful of times (start-up, data loading); with
     * this, ~1.5 s. Five repeats through the launcher, three interleaved rounds: 56.8 -> 50.2 s one after
     * another, 40.5 -> 36.4 s two at a time (docs/performance.md, round 5). Java arithmetic is the same
     * at every compilation tier (strict IEEE since Java 17), so this changes no result; a user's own
     * option (extra JVM arguments come later on the command line) wins.
     */
    public static final List<String> JIT_OPTIONS = List.of("-XX:CompileThresholdScaling=4");

    private final String java;
    private final String classpath;
    private final String mainClass;
    private final List<String> extraJvmArgs;
    private final String home;

    private WorkerCommand(String java, String classpath, String mainClass, List<String> extraJvmArgs, String home) {
        this.java = java;
        this.classpath = classpath;
        this.mainClass = mainClass;
        this.extraJvmArgs = List.copyOf(extraJvmArgs);
        this.home = home;
    }

    /**
     * The running JVM's own java binary (an installed app thus uses its bundled runtime) and
     * classpath, the app's home from {@code reprolab.home} (else the working folder) and the real
     * worker main class.
     */
    public static WorkerCommand forCurrentJvm() {
        // java.home's bin/java first: in an installed app the process is the native launcher
        // (bin/ReproLab), which would take the worker's JVM options as app arguments.
        String java = javaIn(Path.of(System.getProperty("java.home")))
                .or(() -> ProcessHandle.current().info().command().filter(c -> Files.isExecutable(Path.of(c))))
                .orElse("java");
        String home = System.getProperty("reprolab.home", System.getProperty("user.dir"));
        return new WorkerCommand(java, System.getProperty("java.class.path"), WORKER_MAIN, List.of(), home);
    }

    /** The {@code java} (or {@code java.exe}) launcher of a Java runtime, when it has one. */
    static Optional<String> javaIn(Path javaHome) {
        for (String name : List.of("java", "java.exe")) {
            Path java = javaHome.resolve("bin").resolve(name);
            if (Files.isRegularFile(java) && Files.isExecutable(java)) {
                return Optional.of(java.toString());
            }
        }
        return Optional.empty();
    }

    /** The same command with another main class (tests start fake workers). */
    public WorkerCommand withMainClass(String cls) {
        return new WorkerCommand(java, classpath, cls, extraJvmArgs, home);
    }

    /** The same command with more JVM options, placed after the memory limits (so they may override them). */
    public WorkerCommand withExtraJvmArgs(List<String> args) {
        List<String> all = new ArrayList<>(extraJvmArgs);
        all.addAll(args);
        return new WorkerCommand(java, classpath, mainClass, all, home);
    }

    /** The same command with another classpath. */
    public WorkerCommand withClasspath(String cp) {
        return new WorkerCommand(java, cp, mainClass, extraJvmArgs, home);
    }

    public String java() {
        return java;
    }

    public String mainClass() {
        return mainClass;
    }

    /** The worker JVM's classpath. */
    public String classpath() {
        return classpath;
    }

    /**
     * Writes {@code <id>.run.json} (the run spec) and {@code <id>.args} (the classpath, which can
     * be longer than a command line may be) into {@code runsDir} and returns the process to start,
     * with the environment that steers libnd4j set from the run's execution settings. A PyTorch
     * run gets the Python worker instead ({@link PythonWorker}).
     */
    public ProcessBuilder processFor(RunSpec run, Path runsDir, WorkerMemory memory) throws IOException {
        Files.createDirectories(runsDir);
        Path specFile = runsDir.resolve(run.runId() + ".run.json");
        AtomicFiles.writeString(specFile, run.toJson());
        if (run.spec().script() != null) {
            return ScriptWorker.processFor(run, specFile, home);
        }
        if (run.spec().execution().pytorch()) {
            return PythonWorker.processFor(run, specFile, home);
        }
        Path argFile = runsDir.resolve(run.runId() + ".args");
        AtomicFiles.writeString(argFile, "-cp\n" + quote(classpath) + "\n");

        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(memory.jvmOptions());
        command.add("-Dreprolab.home=" + home);
        command.add("-Dfile.encoding=UTF-8");
        // the worker halts when this process is gone (WorkerMain.LAUNCHER_PID_PROPERTY)
        command.add(LAUNCHER_PID_OPTION + ProcessHandle.current().pid());
        command.add("-XX:ErrorFile=" + runsDir.toAbsolutePath().resolve(run.runId() + ".hs_err.log"));
        command.addAll(JIT_OPTIONS);
        command.addAll(extraJvmArgs);
        if (run.spec().execution().threadInvariant()) {
            // where the launcher may lend this run cores that finished repeats left idle
            Files.deleteIfExists(IdleCoreLending.fileFor(runsDir, run.runId())); // none from an earlier launch
            command.add("-D" + reprolab.experiment.KernelThreadsGrant.FILE_PROPERTY + "=" + IdleCoreLending.fileFor(runsDir, run.runId()));
        }
        command.add("@" + argFile.toAbsolutePath());
        command.add(mainClass);
        command.add("--run-spec");
        command.add(specFile.toAbsolutePath().toString());

        ProcessBuilder builder = new ProcessBuilder(command);
        applyEnvironment(builder.environment(), run.spec().execution());
        return builder;
    }

    /**
     * Sets the variables libnd4j reads once per process (also for the benchmark's child JVMs) and
     * drops the inherited {@link #FAULT_VARIABLE}.
     */
    public static void applyEnvironment(Map<String, String> env, ExecutionSpec execution) {
        env.remove(FAULT_VARIABLE);
        // under threadInvariant every native library gets one thread (ExecutionSpec.nativeThreads)
        String threads = String.valueOf(execution.nativeThreads());
        env.put("OMP_NUM_THREADS", threads);
        env.put("SD_MAX_THREADS", threads);
        env.put("SD_MASTER_THREADS", threads);
        if (execution.helpers()) {
            env.remove("SD_FORBID_HELPERS");
        } else {
            env.put("SD_FORBID_HELPERS", "true");
        }
        boolean gpu = execution.backend() == Backend.CUDA;
        env.put("BACKEND_PRIORITY_CPU", gpu ? "0" : "100");
        env.put("BACKEND_PRIORITY_GPU", gpu ? "100" : "0");
        applyRuntimeTuning(env, execution.nativeThreads());
    }

    /**
     * glibc malloc settings for a worker, unless the user set them: libnd4j and oneDNN allocate and
     * free buffers of 1-10 MB every iteration (reorders, temporaries); with glibc's defaults many of
     * them are fresh {@code mmap}s, so every iteration pays thousands of page faults and the kernel
     * zeroing those pages (seed-cnn at 1 thread: ~3,500 faults per profiled iteration, median
     * iteration 82 vs 51 ms; docs/performance.md). Keeping such buffers in the heap (mmap threshold
     * 32 MB, glibc's maximum) and not returning freed memory at once changes where buffers live, not
     * what is computed (same run hashes), and did not raise the worker's peak memory. Ignored by
     * other C libraries.
     *
     * <p>Buffers above 32 MB are still fresh mappings each time: validating seed-cnn in chunks of 500
     * digits makes oneDNN reorder 43 MB activations into new 43 MB buffers, 120-170 ms of page faults
     * per reorder, 2.0 s per epoch for 2,000 digits. {@code glibc.malloc.hugetlb=1} asks for
     * transparent huge pages on such mappings (one fault per 2 MB instead of per 4 KB): 0.63 s, the
     * same output bits, worker memory 5-7% higher (docs/performance.md, round 5). Added to a
     * user's own {@code GLIBC_TUNABLES} unless they chose a hugetlb setting themselves.
     *
     * <p>With more than one thread, OpenMP threads wait for work by spinning for a short while only
     * ({@code GOMP_SPINCOUNT}, GNU OpenMP's default spins ~300,000 times): after each oneDNN
     * convolution libgomp's spinning thread otherwise holds a core that OpenBLAS's next matrix
     * product needs (seed-cnn at 2 threads: matrix products 15-27 ms per iteration instead of 12;
     * median iteration ~77-89 vs ~68 ms). OpenBLAS's own worker thread likewise spins (with
     * {@code sched_yield}) for 2^28 cycles after each product unless {@code OPENBLAS_THREAD_TIMEOUT}
     * shortens it (4 = 2^4 cycles, its minimum): it was a third of all CPU samples of a 2-thread
     * run, and the median iteration fell from 78-101 to 57-64 ms. Scheduling only: the same run hashes.
     */
    static void applyRuntimeTuning(Map<String, String> env, int threads) {
        env.putIfAbsent("MALLOC_MMAP_THRESHOLD_", "33554432");
        env.putIfAbsent("MALLOC_TRIM_THRESHOLD_", "268435456");
        env.putIfAbsent("MALLOC_TOP_PAD_", "67108864");
        env.put(TUNABLES, withHugePages(env.get(TUNABLES)));
        if (threads > 1) {
            env.putIfAbsent("GOMP_SPINCOUNT", "20000");
            env.putIfAbsent("OPENBLAS_THREAD_TIMEOUT", "4");
        }
    }

    static final String TUNABLES = "GLIBC_TUNABLES";
    private static final String HUGE_PAGES = "glibc.malloc.hugetlb";

    /** glibc's tunables (colon-separated {@code name=value}) with huge pages for large buffers, unless set. */
    static String withHugePages(String tunables) {
        if (tunables == null || tunables.isBlank()) {
            return HUGE_PAGES + "=1";
        }
        return tunables.contains(HUGE_PAGES) ? tunables : tunables + ":" + HUGE_PAGES + "=1";
    }

    /** One argument of a java @argfile: quoted, with backslashes (Windows paths) and quotes escaped. */
    static String quote(String arg) {
        return "\"" + arg.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}

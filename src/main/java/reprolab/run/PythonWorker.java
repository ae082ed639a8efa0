package reprolab.run;

import reprolab.experiment.ExecutionSpec;
import reprolab.experiment.RunSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a PyTorch run's worker is started: {@code <python> -m reprolab_worker --run-spec <id>.run.json
 * --launcher-pid <pid> --home <home>}, with the package's folder on {@code PYTHONPATH}. Which Python:
 * {@value #PYTHON_ENV} if set, else the app's setting (system property {@value #PYTHON_PROPERTY}),
 * else the first of {@code python3} on the PATH and {@code /usr/bin/python3} that can import torch
 * (a pyenv or venv {@code python3} often has no torch while the system's has), else {@code python3},
 * whose worker then fails with "PyTorch is not installed for ...".
 */
public final class PythonWorker {

    /** Environment variable naming the Python to use. */
    public static final String PYTHON_ENV = "REPROLAB_PYTHON";
    /** System property naming the Python to use (the app's setting). */
    public static final String PYTHON_PROPERTY = "reprolab.python";
    /** The worker package, as {@code python -m} runs it. */
    public static final String MODULE = "reprolab_worker";
    /** The worker's option naming the launcher's pid, which it exits after; a Slurm task goes without it. */
    static final String LAUNCHER_PID_ARG = "--launcher-pid";
    /** Pythons tried in order when none is named. */
    public static final List<String> CANDIDATES = List.of("python3", "/usr/bin/python3");

    private static volatile String found;

    private PythonWorker() {
    }

    /** The Python a PyTorch run is started with, looked up as the class comment says. */
    public static String python() {
        Optional<String> chosen = explicit();
        if (chosen.isPresent()) {
            return chosen.get();
        }
        String cached = found;
        if (cached == null) {
            cached = CANDIDATES.stream().filter(p -> PythonProbe.of(p).hasTorch()).findFirst().orElse(CANDIDATES.get(0));
            found = cached;
        }
        return cached;
    }

    /** The Python the user named ({@value #PYTHON_ENV}, then {@value #PYTHON_PROPERTY}), if any. */
    public static Optional<String> explicit() {
        for (String value : new String[]{System.getenv(PYTHON_ENV), System.getProperty(PYTHON_PROPERTY)}) {
            if (value != null && !value.isBlank()) {
                return Optional.of(value.trim());
            }
        }
        return Optional.empty();
    }

    /** The app's Python setting: a path, or blank for the lookup. Re-probes the lookup next time. */
    public static void useSetting(String pythonPath) {
        if (pythonPath == null || pythonPath.isBlank()) {
            System.clearProperty(PYTHON_PROPERTY);
        } else {
            System.setProperty(PYTHON_PROPERTY, pythonPath.trim());
        }
    }

    /** The folder holding the {@value #MODULE} package: {@code src/main/python} in a checkout, {@code python} when installed. */
    public static Path sourceDir(String home) {
        Path checkout = Path.of(home, "src", "main", "python");
        return Files.isDirectory(checkout.resolve(MODULE)) ? checkout : Path.of(home, "python");
    }

    /** The worker process of a PyTorch run whose spec is already in {@code specFile}. */
    static ProcessBuilder processFor(RunSpec run, Path specFile, String home) {
        List<String> command = new ArrayList<>(List.of(python(), "-m", MODULE,
                "--run-spec", specFile.toAbsolutePath().toString(),
                LAUNCHER_PID_ARG, String.valueOf(ProcessHandle.current().pid()),
                "--home", home));
        ProcessBuilder builder = new ProcessBuilder(command);
        applyEnvironment(builder.environment(), run.spec().execution(), sourceDir(home));
        return builder;
    }

    /** {@code <python> -m reprolab_worker --probe}, stderr discarded (see {@link PythonProbe}). */
    static ProcessBuilder probeProcess(String python, Path sourceDir) {
        ProcessBuilder builder = moduleProcess(python, sourceDir, List.of(MODULE, "--probe"));
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        return builder;
    }

    /** {@code <python> -m <module> <args>} with our Python packages on the path and no bytecode written. */
    static ProcessBuilder moduleProcess(String python, Path sourceDir, List<String> moduleAndArgs) {
        List<String> command = new ArrayList<>(List.of(python, "-m"));
        command.addAll(moduleAndArgs);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("PYTHONPATH", sourceDir.toAbsolutePath().toString());
        builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        return builder;
    }

    /** The Python packages of the app this JVM belongs to (its home, else the working folder). */
    static Path defaultSourceDir() {
        return sourceDir(System.getProperty("reprolab.home", System.getProperty("user.dir")));
    }

    /**
     * Variables PyTorch reads once per process: the OpenMP/MKL thread counts, and the cuBLAS
     * workspace that deterministic algorithms need on a GPU (it must be set before cuBLAS starts);
     * and the same allocator and thread-waiting settings as DL4J workers
     * ({@link WorkerCommand#applyRuntimeTuning}), and without the inherited {@link WorkerCommand#FAULT_VARIABLE}: PyTorch's CPU tensors come from glibc malloc too (the
     * peer benchmark's seed-cnn took 94-108 ms per iteration without them and ~40 ms with them; our
     * worker's own training loop showed no difference, its run 12.0 vs 9.0 s: docs/performance.md).
     */
    static void applyEnvironment(Map<String, String> env, ExecutionSpec execution, Path sourceDir) {
        env.remove(WorkerCommand.FAULT_VARIABLE); // a user's stray setting must not break real runs (as for DL4J)
        String threads = String.valueOf(execution.threads());
        env.put("OMP_NUM_THREADS", threads);
        env.put("MKL_NUM_THREADS", threads);
        WorkerCommand.applyRuntimeTuning(env, execution.threads());
        if (execution.deterministicAlgorithms()) {
            env.put("CUBLAS_WORKSPACE_CONFIG", ":4096:8");
        }
        String path = env.get("PYTHONPATH");
        env.put("PYTHONPATH", sourceDir.toAbsolutePath() + (path == null || path.isBlank() ? "" : java.io.File.pathSeparator + path));
        env.put("PYTHONDONTWRITEBYTECODE", "1"); // an installed app's folder may be read-only
    }
}

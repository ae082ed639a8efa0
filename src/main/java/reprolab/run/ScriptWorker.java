package reprolab.run;

import reprolab.experiment.RunSpec;
import reprolab.experiment.ScriptSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How a run of a user's own script is started: {@code <python> -m reprolab_probe --run-spec <id>.run.json
 * --launcher-pid <pid> --cwd <dir> [--time S] -- SCRIPT ARGS...}, with the PyTorch worker's environment
 * ({@link PythonWorker#applyEnvironment}: threads, PYTHONPATH) plus {@code PYTHONHASHSEED}, which
 * Python reads only when it starts, and the BLAS thread count. The probe writes the events on the
 * process's stdout and moves the script's own stdout to stderr, so the supervisor, the Slurm batch
 * script and the store treat it as any other worker.
 */
final class ScriptWorker {

    /** The probe package, as {@code python -m} runs it. */
    static final String MODULE = "reprolab_probe";

    private ScriptWorker() {
    }

    static ProcessBuilder processFor(RunSpec run, Path specFile, String home) {
        ScriptSpec script = run.spec().script();
        List<String> command = new ArrayList<>(List.of(PythonWorker.python(), "-m", MODULE,
                "--run-spec", specFile.toAbsolutePath().toString(),
                PythonWorker.LAUNCHER_PID_ARG, String.valueOf(ProcessHandle.current().pid())));
        if (script.workingDirectory() != null) {
            command.addAll(List.of("--cwd", script.workingDirectory()));
        }
        if (script.timeLimitSeconds() > 0) {
            command.addAll(List.of("--time", String.valueOf(script.timeLimitSeconds())));
        }
        command.add("--");
        command.add(Path.of(home).resolve(script.path()).toString()); // a lesson's script is relative to the app
        command.addAll(script.args());
        ProcessBuilder builder = new ProcessBuilder(command);
        applyEnvironment(builder.environment(), run, Path.of(home));
        return builder;
    }

    static void applyEnvironment(Map<String, String> env, RunSpec run, Path home) {
        PythonWorker.applyEnvironment(env, run.spec().execution(), PythonWorker.sourceDir(home.toString()));
        env.put("OPENBLAS_NUM_THREADS", String.valueOf(run.spec().execution().threads()));
        env.put("PYTHONHASHSEED", String.valueOf(run.seeds().hashSeed()));
        env.put("REPROLAB_PROBE_EVENTS", "stdout");
        env.remove("PYTHONSTARTUP");
    }

    /** {@code <python> -m reprolab_probe.syntax FILE}: prints "line N: message" and exits 1 when it is not Python. */
    static ProcessBuilder syntaxCheck(String python, Path file) {
        ProcessBuilder builder = PythonWorker.moduleProcess(python, PythonWorker.defaultSourceDir(),
                List.of(MODULE + ".syntax", file.toString()));
        builder.redirectErrorStream(true);
        return builder;
    }
}

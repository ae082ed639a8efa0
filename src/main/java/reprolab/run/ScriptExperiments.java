package reprolab.run;

import reprolab.experiment.Backend;
import reprolab.experiment.Engine;
import reprolab.experiment.ExecutionSpec;
import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.FileChecksum;
import reprolab.experiment.RunsSpec;
import reprolab.experiment.ScriptSpec;
import reprolab.experiment.SeedSetting;
import reprolab.experiment.SpecException;
import reprolab.experiment.SpecValidator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Builds the experiment of a user's own script (an {@link ExperimentSpec} with a {@code script}
 * section, engine pytorch), after checking what can be checked before anything runs: the file
 * exists and is Python, this Python has torch, and a GPU toggle has a GPU to act on.
 */
public final class ScriptExperiments {

    private static final long SYNTAX_CHECK_SECONDS = 60;
    /** What each Python offers, asked once per app (importing torch takes seconds). */
    private static final java.util.Map<String, PythonProbe> PROBES = new java.util.concurrent.ConcurrentHashMap<>();

    private ScriptExperiments() {
    }

    /** What the user asked for; null seeds are drawn per run. */
    public record Request(Path script, List<String> args, int repeats, Long seed, Long hashSeed, int threads,
                          long timeLimitSeconds, boolean deterministic, boolean cudnnBenchmark, boolean noCudnn) {
        public Request {
            args = List.copyOf(args);
        }

        boolean wantsGpu() {
            return deterministic || cudnnBenchmark || noCudnn;
        }
    }

    /**
     * The experiment for the request.
     *
     * @throws SpecException with the reason when the script cannot run as asked
     */
    public static ExperimentSpec spec(Request r) throws SpecException {
        Path file = r.script().toAbsolutePath().normalize();
        String sha256 = checkScript(file);
        String python = PythonWorker.python();
        PythonProbe probe = PROBES.computeIfAbsent(python, PythonProbe::of);
        if (!probe.hasTorch()) {
            throw new SpecException("cannot run " + file.getFileName() + ": " + probe.describe());
        }
        if (r.wantsGpu() && !probe.cuda()) {
            throw new SpecException("--deterministic, --cudnn-benchmark and --no-cudnn act on a GPU only, and "
                    + noGpu(probe));
        }
        checkSyntax(python, file);
        ExecutionSpec execution = ExecutionSpec.defaults().withEngine(Engine.PYTORCH).withThreads(r.threads());
        if (r.wantsGpu()) {
            execution = execution.withBackend(Backend.CUDA).withDeterministicAlgorithms(r.deterministic())
                    .withCudnnBenchmark(r.cudnnBenchmark()).withHelpers(!r.noCudnn());
        }
        ScriptSpec script = new ScriptSpec(file.toString(), sha256, r.args(),
                Path.of("").toAbsolutePath().toString(), r.timeLimitSeconds(), setting(r.seed()), setting(r.hashSeed()));
        ExperimentSpec spec = ExperimentSpec.defaults().withName(name(file)).withExecution(execution)
                .withRuns(new RunsSpec(r.repeats(), 0)).withScript(script);
        SpecValidator.validateOrThrow(spec);
        if (r.repeats() < 1 || r.repeats() > Planner.MAX_REPEATS) {
            throw new SpecException("--repeats is " + r.repeats() + "; allowed: 1 to " + Planner.MAX_REPEATS);
        }
        return spec;
    }

    /**
     * Why the GPU toggles cannot act here, or empty when this Python's torch sees a CUDA GPU. Slow the
     * first time (imports torch): call it off the FX thread.
     */
    public static java.util.Optional<String> gpuRefusal() {
        PythonProbe probe = PROBES.computeIfAbsent(PythonWorker.python(), PythonProbe::of);
        if (!probe.hasTorch()) {
            return java.util.Optional.of("scripts cannot run here: " + probe.describe());
        }
        return probe.cuda() ? java.util.Optional.empty() : java.util.Optional.of("they act on a GPU only, and " + noGpu(probe));
    }

    private static String noGpu(PythonProbe probe) {
        return probe.python() + "'s torch " + probe.torch() + " sees none (torch.cuda.is_available() is False);"
                + " on the CPU PyTorch uses neither cuDNN nor cuBLAS";
    }

    private static SeedSetting setting(Long value) {
        return value == null ? SeedSetting.off() : SeedSetting.on(value);
    }

    private static String name(Path file) {
        String n = "script " + file.getFileName();
        return n.length() > SpecValidator.MAX_NAME_LENGTH ? n.substring(0, SpecValidator.MAX_NAME_LENGTH) : n;
    }

    private static String checkScript(Path file) throws SpecException {
        if (!Files.isRegularFile(file)) {
            throw new SpecException("no such script: " + file);
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)));
            return FileChecksum.sha256(file);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new SpecException(file.getFileName() + " is not a Python script: it is not UTF-8 text");
        } catch (IOException e) {
            throw new SpecException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** Python's own parser says whether the file is Python (a data file or a notebook is not). */
    private static void checkSyntax(String python, Path file) throws SpecException {
        try {
            // bounded for real: a pipe read to the end before waitFor would wait past any timeout
            TimedCommand.Outcome outcome = TimedCommand.run(ScriptWorker.syntaxCheck(python, file),
                    java.time.Duration.ofSeconds(SYNTAX_CHECK_SECONDS));
            if (outcome.timedOut()) {
                return; // a slow machine: the run itself will tell
            }
            if (outcome.exit() != 0) {
                throw new SpecException(file.getFileName() + " is not a Python script that " + python
                        + " can read: " + outcome.out().trim());
            }
        } catch (IOException e) {
            throw new SpecException("cannot start " + python + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpecException("interrupted");
        }
    }
}

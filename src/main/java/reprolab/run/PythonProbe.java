package reprolab.run;

import com.fasterxml.jackson.databind.JsonNode;
import reprolab.experiment.Json;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What one Python offers the PyTorch engine, asked by running {@code python -m reprolab_worker --probe}
 * (about a second: it imports torch).
 *
 * @param python  the command that was asked
 * @param version Python's version, or null when it could not be run
 * @param torch   torch's version, or null when torch cannot be imported
 * @param cuda    whether torch sees a usable GPU
 * @param gpu     the GPU's name, or null
 * @param problem why it is not usable (not found, no torch), or null
 * @param blas    the BLAS library torch's matrix products use (a file, or "linked into torch"), or null
 * @param referenceBlas whether that is the unoptimised reference BLAS (Debian's default for its torch)
 */
public record PythonProbe(String python, String version, String torch, boolean cuda, String gpu, String problem,
                          String blas, boolean referenceBlas) {

    /** A probe without BLAS facts (a Python that could not be asked, or tests). */
    public PythonProbe(String python, String version, String torch, boolean cuda, String gpu, String problem) {
        this(python, version, torch, cuda, gpu, problem, null, false);
    }

    /** Importing torch takes about a second; a Python that hangs (a broken install, a lock) is given up on. */
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** True when this Python can run PyTorch runs. */
    public boolean hasTorch() {
        return torch != null;
    }

    /** Probes {@code python} with the worker package found in the app's home. */
    public static PythonProbe of(String python) {
        return of(python, PythonWorker.defaultSourceDir());
    }

    static PythonProbe of(String python, Path sourceDir) {
        return of(python, sourceDir, TIMEOUT);
    }

    /** Probes with a time limit of its own (tests: a Python that hangs). */
    static PythonProbe of(String python, Path sourceDir, Duration timeout) {
        ProcessBuilder builder = PythonWorker.probeProcess(python, sourceDir);
        try {
            TimedCommand.Outcome outcome = TimedCommand.run(builder, timeout);
            if (outcome.timedOut()) {
                return failed(python, "did not answer within " + timeout.toSeconds() + " s");
            }
            String out = outcome.out().trim();
            if (outcome.exit() != 0 || out.isEmpty()) {
                return failed(python, "exited with code " + outcome.exit()
                        + " (is " + sourceDir + " the worker's folder, and Python 3.8 or newer?)");
            }
            JsonNode facts = Json.mapper().readTree(out);
            String torch = text(facts, "torch");
            return new PythonProbe(python, text(facts, "python"), torch, facts.path("cuda").asBoolean(false),
                    text(facts, "gpu"), torch == null ? "torch cannot be imported: " + text(facts, "error") : null,
                    text(facts, "blas"), facts.path("referenceBlas").asBoolean(false));
        } catch (IOException e) {
            return failed(python, "cannot be run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(python, "interrupted");
        }
    }

    private static PythonProbe failed(String python, String problem) {
        return new PythonProbe(python, null, null, false, null, problem);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** One line for a person: "python3 (3.11.2): torch 1.13.0, CUDA not available". */
    public String describe() {
        if (!hasTorch()) {
            return python + (version == null ? "" : " (Python " + version + ")") + ": " + problem;
        }
        return python + " (Python " + version + "): torch " + torch + ", "
                + (cuda ? "CUDA available, GPU " + gpu : "CUDA not available (CPU only)")
                + (blas == null ? "" : ", BLAS " + blas)
                + (referenceBlas ? ". " + REFERENCE_BLAS_ADVICE : "");
    }

    /**
     * Why and how to leave the reference BLAS: seed-cnn took 250-275 ms per iteration with it and 63 ms
     * with OpenBLAS (docs/performance.md, round 5). The two give different bits, so runs made before and
     * after the switch differ; the run's provenance names the library (versions.blas).
     */
    static final String REFERENCE_BLAS_ADVICE = "This is the slow reference BLAS: CPU runs take ~4x longer. "
            + "Install an optimised one (Debian/Ubuntu: apt-get install libopenblas0-pthread); results then "
            + "differ from runs made with the reference BLAS (provenance names the library)";
}

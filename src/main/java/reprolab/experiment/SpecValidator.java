package reprolab.experiment;

import java.util.ArrayList;
import java.util.List;

/**
 * Range and consistency checks of an {@link ExperimentSpec}. Every message names the field, the value
 * and what is allowed, so a user can fix a file without reading code.
 */
public final class SpecValidator {

    /** Digits in the shipped sample. */
    public static final int SAMPLE_SIZE = 10_000;
    public static final int MAX_EXAMPLES = 1_000_000;
    public static final int MAX_NAME_LENGTH = 100;

    private SpecValidator() {
    }

    public static void validateOrThrow(ExperimentSpec spec) throws SpecException {
        List<String> problems = validate(spec);
        if (!problems.isEmpty()) {
            throw new SpecException(problems);
        }
    }

    /** All problems of the spec; empty when it can be run. */
    public static List<String> validate(ExperimentSpec spec) {
        List<String> p = new ArrayList<>();
        checkName(spec.name(), p);
        checkData(spec.data(), p);
        checkModel(spec.model(), p);
        checkSeeds(spec.seeds(), p);
        checkExecution(spec.execution(), p);
        checkPerturbation(spec.perturbation(), spec.model(), p);
        range(p, "runs.repeats", spec.runs().repeats(), 1, 1000);
        range(p, "runs.parallel", spec.runs().parallel(), 0, 64);
        range(p, "runs.snapshotEvery", spec.runs().snapshotEvery(), 0, 10_000_000);
        ScriptRules.check(spec, p);
        return p;
    }

    private static void checkName(String name, List<String> p) {
        if (name == null || name.isBlank()) {
            p.add("field 'name' must not be empty");
        } else if (name.length() > MAX_NAME_LENGTH) {
            p.add("field 'name' is " + name.length() + " characters long; at most " + MAX_NAME_LENGTH + " are allowed");
        } else if (name.chars().anyMatch(Character::isISOControl)) {
            p.add("field 'name' must not contain control characters");
        }
    }

    private static void checkData(DataSpec d, List<String> p) {
        if (d.source() == null) {
            p.add("field 'data.source' is required: mnist-sample, idx or synthetic");
            return;
        }
        range(p, "data.trainSize", d.trainSize(), 10, MAX_EXAMPLES);
        range(p, "data.validationSize", d.validationSize(), 10, MAX_EXAMPLES);
        if (d.source() == DataSource.MNIST_SAMPLE && (long) d.trainSize() + d.validationSize() > SAMPLE_SIZE) {
            p.add("fields 'data.trainSize' + 'data.validationSize' = " + ((long) d.trainSize() + d.validationSize())
                    + ", but the shipped sample has " + SAMPLE_SIZE + " digits");
        }
        if (d.source() == DataSource.IDX) {
            requirePath(p, "data.imagesPath", d.imagesPath());
            requirePath(p, "data.labelsPath", d.labelsPath());
        } else {
            if (d.imagesPath() != null || d.labelsPath() != null) {
                p.add("fields 'data.imagesPath' and 'data.labelsPath' are only used with data.source 'idx', not '"
                        + d.source().json() + "'");
            }
        }
    }

    private static void requirePath(List<String> p, String field, String value) {
        if (value == null || value.isBlank()) {
            p.add("field '" + field + "' is required when data.source is 'idx'");
        } else if (value.length() > 4096 || value.chars().anyMatch(c -> c == 0)) {
            p.add("field '" + field + "' is not a usable path");
        }
    }

    private static void checkModel(ModelSpec m, List<String> p) {
        if (m.name() == null) {
            p.add("field 'model.name' is required: seed-cnn, tiny or custom");
        }
        if (m.initializer() == null) {
            p.add("field 'model.initializer' is required: xavier-uniform, he-uniform, xavier-normal, he-normal or lecun-normal");
        }
        checkLayers(m, p);
        range(p, "model.epochs", m.epochs(), 1, 1000);
        range(p, "model.batchSize", m.batchSize(), 1, 4096);
        if (!(m.learningRate() > 0 && m.learningRate() <= 100)) {
            p.add("field 'model.learningRate' is " + m.learningRate() + "; allowed: greater than 0, at most 100");
        }
        if (m.earlyStopping() == null) {
            p.add("field 'model.earlyStopping' must be an object");
        } else {
            range(p, "model.earlyStopping.patience", m.earlyStopping().patience(), 1, 1000);
        }
    }

    /** A layer list belongs to model custom, and a custom model needs one that fits MNIST-sized digits. */
    private static void checkLayers(ModelSpec m, List<String> p) {
        if (m.name() != ModelName.CUSTOM) {
            if (!m.layers().isEmpty()) {
                p.add("field 'model.layers' is only used with model.name 'custom', not '"
                        + (m.name() == null ? "null" : m.name().json()) + "'; set model.name to custom or remove the layers");
            }
            return;
        }
        p.addAll(LayerShapes.compute(m.layers(), ModelSpec.ROWS, ModelSpec.COLS, ModelSpec.CLASSES).problems());
    }

    private static void checkSeeds(SeedsSpec s, List<String> p) {
        for (SeedKind kind : SeedKind.values()) {
            if (s.get(kind) == null) {
                p.add("field 'seeds." + kind.field() + "' must be an object {enabled, value}");
            }
        }
    }

    private static void checkExecution(ExecutionSpec e, List<String> p) {
        range(p, "execution.threads", e.threads(), 1, 256);
        if (e.dataType() == null) {
            p.add("field 'execution.dataType' is required: float or double");
        }
        if (e.backend() == null) {
            p.add("field 'execution.backend' is required: cpu or cuda");
        }
        checkEngine(e, p);
        checkThreadInvariant(e, p);
    }

    /**
     * Thread-invariant kernels exist for DL4J on the CPU only: PyTorch's own CPU kernels split sums by the
     * thread count and ReproLab does not replace them; on a GPU the thread count does not split the math.
     */
    private static void checkThreadInvariant(ExecutionSpec e, List<String> p) {
        if (!e.threadInvariant()) {
            return;
        }
        if (e.pytorch()) {
            p.add("field 'execution.threadInvariant' is a DL4J setting; execution.engine 'pytorch' has no "
                    + "thread-invariant kernels (PyTorch's CPU kernels split sums by the thread count): use engine "
                    + "'dl4j' or leave it false");
        } else if (e.backend() == Backend.CUDA) {
            p.add("field 'execution.threadInvariant' only takes effect with execution.backend 'cpu', not 'cuda' "
                    + "(on a GPU execution.threads does not split the math)");
        }
    }

    /** Each engine accepts only the settings it has, so no field can silently do nothing. */
    private static void checkEngine(ExecutionSpec e, List<String> p) {
        if (!e.pytorch()) {
            if (e.deterministicAlgorithms()) {
                p.add("field 'execution.deterministicAlgorithms' is a PyTorch setting; execution.engine 'dl4j' does "
                        + "not have it (use engine 'pytorch' or leave it false)");
            }
            if (e.cudnnBenchmark()) {
                p.add("field 'execution.cudnnBenchmark' is a PyTorch setting; execution.engine 'dl4j' does not have it "
                        + "(use engine 'pytorch' or leave it false)");
            }
        } else if (e.backend() != Backend.CUDA) {
            String backend = e.backend() == null ? null : e.backend().json();
            if (e.cudnnBenchmark()) {
                p.add("field 'execution.cudnnBenchmark' only takes effect with execution.backend 'cuda', not '"
                        + backend + "'");
            }
            // measured: seed-cnn and tiny on the CPU, the same bits with it on and off (docs/performance.md)
            if (e.deterministicAlgorithms()) {
                p.add("field 'execution.deterministicAlgorithms' only takes effect with execution.backend 'cuda', not '"
                        + backend + "': PyTorch's CPU kernels for these models are deterministic already");
            }
        }
    }

    private static void checkPerturbation(PerturbationSpec t, ModelSpec model, List<String> p) {
        range(p, "perturbation.iteration", t.iteration(), 0, 10_000_000);
        List<String> layers = model.parameterLayers();
        // a custom model need not have the default's dense_0: its layer is only checked when it is used
        boolean checked = model.name() != null && (model.name() != ModelName.CUSTOM || t.enabled());
        if (checked && (t.layer() == null || !layers.contains(t.layer()))) {
            p.add("field 'perturbation.layer' is '" + t.layer() + "'; model " + model.name().json() + " has the layers "
                    + String.join(", ", layers));
        }
        if (!(t.epsilon() > 0 && t.epsilon() <= 1)) {
            p.add("field 'perturbation.epsilon' is " + t.epsilon() + "; allowed: greater than 0, at most 1");
        }
        if (!(t.fraction() > 0 && t.fraction() <= 1)) {
            p.add("field 'perturbation.fraction' is " + t.fraction() + "; allowed: greater than 0, at most 1");
        }
    }

    private static void range(List<String> p, String field, long value, long min, long max) {
        if (value < min || value > max) {
            p.add("field '" + field + "' is " + value + "; allowed: " + min + " to " + max);
        }
    }
}

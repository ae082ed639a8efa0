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
        checkPerturbation(spec.perturbation(), spec.model().name(), p);
        range(p, "runs.repeats", spec.runs().repeats(), 1, 1000);
        range(p, "runs.parallel", spec.runs().parallel(), 0, 64);
        range(p, "runs.snapshotEvery", spec.runs().snapshotEvery(), 0, 10_000_000);
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
            p.add("field 'model.name' is required: seed-cnn or tiny");
        }
        if (m.initializer() == null) {
            p.add("field 'model.initializer' is required: xavier-uniform or he-uniform");
        }
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
    }

    private static void checkPerturbation(PerturbationSpec t, ModelName model, List<String> p) {
        range(p, "perturbation.iteration", t.iteration(), 0, 10_000_000);
        if (model != null && (t.layer() == null || !model.parameterLayers().contains(t.layer()))) {
            p.add("field 'perturbation.layer' is '" + t.layer() + "'; model " + model.json() + " has the layers "
                    + String.join(", ", model.parameterLayers()));
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

package reprolab.ablation;

import reprolab.experiment.Backend;
import reprolab.experiment.Engine;
import reprolab.experiment.ExecutionSpec;

import reprolab.analysis.AblationAnalysis;
import reprolab.experiment.SeedKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The groups of a seed ablation. Each has a group name (what reports and {@code ablation.json} show,
 * and what {@link AblationAnalysis} recognises) and a factor name (what a lesson file and the
 * {@code --factors} option use, see {@code reprolab.lesson.LessonFields.FACTORS}); they differ only
 * for the learning-rate reference, whose group is {@code learning-rate-x2} so that the analysis
 * treats it as a design choice, not as noise.
 */
public enum AblationFactor {
    BASELINE(AblationAnalysis.BASELINE, AblationAnalysis.BASELINE),
    WEIGHT_INIT("weightInit", "weightInit"),
    DROPOUT("dropout", "dropout"),
    SHUFFLE("shuffle", "shuffle"),
    SPLIT("split", "split"),
    THREADS("threads", "threads"),
    HELPERS("helpers", "helpers"),
    DATA_TYPE("dataType", "dataType"),
    PERTURBATION("perturbation", "perturbation"),
    LEARNING_RATE("learning-rate-x2", "learningRate"),
    /** PyTorch only: torch.use_deterministic_algorithms on and off. */
    DETERMINISTIC_ALGORITHMS("deterministicAlgorithms", "deterministicAlgorithms"),
    /** PyTorch on cuda only: cudnn.benchmark on and off. */
    CUDNN_BENCHMARK("cudnnBenchmark", "cudnnBenchmark"),
    /** PyTorch on cuda only: the GPU and the CPU. */
    DEVICE("device", "device");

    private static final List<AblationFactor> PYTORCH_ONLY = List.of(DETERMINISTIC_ALGORITHMS, CUDNN_BENCHMARK, DEVICE);

    private final String group;
    private final String factor;

    AblationFactor(String group, String factor) {
        this.group = group;
        this.factor = factor;
    }

    /** The group's name in reports and files, e.g. {@code dropout} or {@code learning-rate-x2}. */
    public String group() {
        return group;
    }

    /** The name a lesson or {@code --factors} uses, e.g. {@code dropout} or {@code learningRate}. */
    public String factor() {
        return factor;
    }

    /** The seed this factor varies, if it is one of the four seeds. */
    public Optional<SeedKind> seed() {
        switch (this) {
            case WEIGHT_INIT: return Optional.of(SeedKind.WEIGHT_INIT);
            case DROPOUT: return Optional.of(SeedKind.DROPOUT);
            case SHUFFLE: return Optional.of(SeedKind.SHUFFLE);
            case SPLIT: return Optional.of(SeedKind.SPLIT);
            default: return Optional.empty();
        }
    }

    /** Every factor that both engines have (all but the baseline and the PyTorch-only ones), in report order. */
    public static List<AblationFactor> varying() {
        List<AblationFactor> all = new ArrayList<>(List.of(values()));
        all.remove(BASELINE);
        all.removeAll(PYTORCH_ONLY);
        return List.copyOf(all);
    }

    /**
     * The factors an experiment with these execution settings can vary: {@link #varying()}, plus for
     * the PyTorch engine on cuda deterministic algorithms, cudnn.benchmark and GPU vs CPU (each offered
     * only where it takes effect: on the CPU deterministic algorithms change nothing for these models).
     */
    public static List<AblationFactor> varyingFor(ExecutionSpec execution) {
        List<AblationFactor> all = new ArrayList<>(varying());
        if (execution.pytorch() && execution.backend() == Backend.CUDA) {
            all.add(DETERMINISTIC_ALGORITHMS);
            all.add(CUDNN_BENCHMARK);
            all.add(DEVICE);
        }
        return List.copyOf(all);
    }

    /** The factor with this factor or group name (case-insensitive), if there is one. */
    public static Optional<AblationFactor> byName(String name) {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        for (AblationFactor f : values()) {
            if (f.factor.toLowerCase(Locale.ROOT).equals(wanted) || f.group.toLowerCase(Locale.ROOT).equals(wanted)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /**
     * Parses factor names (e.g. from {@code --factors} or a lesson); {@code baseline} is accepted and
     * ignored because the baseline group is always run.
     *
     * @throws IllegalArgumentException naming every unknown name and the known ones
     */
    public static List<AblationFactor> parse(List<String> names) {
        List<AblationFactor> factors = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String name : names) {
            Optional<AblationFactor> f = byName(name);
            if (f.isEmpty()) {
                unknown.add("'" + name + "'");
            } else if (f.get() != BASELINE && !factors.contains(f.get())) {
                factors.add(f.get());
            }
        }
        if (!unknown.isEmpty()) {
            List<String> known = new ArrayList<>();
            varyingFor(ExecutionSpec.defaults().withEngine(Engine.PYTORCH).withBackend(Backend.CUDA))
                    .forEach(f -> known.add(f.factor()));
            throw new IllegalArgumentException("unknown ablation factor" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown) + "; known factors: " + String.join(", ", known));
        }
        return List.copyOf(factors);
    }
}

package reprolab.ablation;

import reprolab.experiment.Backend;
import reprolab.experiment.DataTypeName;
import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.PerturbationSpec;
import reprolab.experiment.ResolvedSeeds;
import reprolab.experiment.RunSpec;
import reprolab.experiment.SeedKind;
import reprolab.experiment.SeedSetting;
import reprolab.experiment.SpecValidator;
import reprolab.run.Planner;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.random.RandomGenerator;

/**
 * Expands a baseline experiment into the groups of a seed ablation. Every seed of the baseline is
 * fixed first (a seed that is off gets one drawn value, kept in {@code experiment.json} of the stored
 * ablation); then in each group exactly one thing varies across the R runs:
 * <ul>
 * <li>{@code baseline}: nothing; all runs have identical settings.</li>
 * <li>{@code weightInit}, {@code dropout}, {@code shuffle}, {@code split}: that seed is drawn fresh
 *     (and distinct) for every run, the other three keep their fixed values.</li>
 * <li>{@code threads}: runs alternate 1 thread and the machine's cores; a one-core machine uses 2,
 *     because what matters for determinism is that the work is cut into a different number of parts,
 *     not that they run at once.</li>
 * <li>{@code helpers}: vendor kernels alternate on and off.</li>
 * <li>{@code dataType}: runs alternate float and double.</li>
 * <li>{@code perturbation}: every run is perturbed, each with its own perturbation seed, so each
 *     nudges a different set of weights; a baseline without a perturbation gets the default one (1e-8
 *     on 1% of {@code dense_0}) at an iteration the run reaches. Every run is thus treated alike,
 *     as the runs of a seed group are, rather than half of them being left untouched.</li>
 * <li>PyTorch on cuda only: {@code deterministicAlgorithms} and {@code cudnnBenchmark} alternate off
 *     and on; {@code device} alternates the GPU and the CPU.</li>
 * <li>{@code learning-rate-x2}: runs alternate the baseline's learning rate and twice it, with every
 *     seed fixed. Its spread is then the effect of a real design choice alone, measured the same way
 *     (std over R runs of one group) as the seed groups' noise, so the two can be compared.</li>
 * </ul>
 * Run ids are {@code <group>-NN} ({@code dropout-01}), unique across the ablation.
 */
public final class AblationPlanner {

    private AblationPlanner() {
    }

    /** As {@link #plan(ExperimentSpec, int, List, int, RandomGenerator)} for this machine, with secure seeds. */
    public static AblationPlan plan(ExperimentSpec spec, int repeats, List<AblationFactor> factors) {
        return plan(spec, repeats, factors, Runtime.getRuntime().availableProcessors(), new SecureRandom());
    }

    /**
     * The baseline group and one group per factor, in the order given (duplicates and
     * {@link AblationFactor#BASELINE} are ignored: the baseline group is always first).
     *
     * @param cores the machine's cores, for the threads group
     * @param fresh where seeds that are off in {@code spec} and the varied seeds are drawn from
     * @throws IllegalArgumentException when repeats is out of range or a group's settings are invalid
     *                                  (e.g. twice the learning rate exceeds its maximum)
     */
    public static AblationPlan plan(ExperimentSpec spec, int repeats, List<AblationFactor> factors, int cores,
                                    RandomGenerator fresh) {
        if (repeats < 1 || repeats > Planner.MAX_REPEATS) {
            throw new IllegalArgumentException("repeats must be between 1 and " + Planner.MAX_REPEATS + ", got " + repeats);
        }
        ResolvedSeeds fixed = ResolvedSeeds.resolve(spec.seeds(), fresh);
        ExperimentSpec baseline = spec.withSeeds(fixed.asSpec());
        GroupMaker maker = new GroupMaker(baseline, fixed, repeats, cores, fresh);
        List<AblationPlan.Group> groups = new ArrayList<>();
        groups.add(maker.make(AblationFactor.BASELINE));
        for (AblationFactor factor : factors) {
            boolean seen = groups.stream().anyMatch(g -> g.factor().equals(factor.group()));
            if (!seen) {
                groups.add(maker.make(factor));
            }
        }
        return new AblationPlan(baseline, repeats, groups);
    }

    /** Builds the groups of one ablation; holds what all groups share. */
    private static final class GroupMaker {
        private final ExperimentSpec base;
        private final ResolvedSeeds fixed;
        private final int repeats;
        private final int cores;
        private final RandomGenerator fresh;
        private final String width;

        GroupMaker(ExperimentSpec base, ResolvedSeeds fixed, int repeats, int cores, RandomGenerator fresh) {
            this.base = base;
            this.fixed = fixed;
            this.repeats = repeats;
            this.cores = cores;
            this.fresh = fresh;
            this.width = "%0" + Math.max(2, String.valueOf(repeats).length()) + "d";
        }

        AblationPlan.Group make(AblationFactor factor) {
            switch (factor) {
                case BASELINE:
                    return group(factor, "everything seeded: all " + repeats + " runs have identical settings",
                            i -> base, null);
                case THREADS:
                    return threads();
                case HELPERS:
                    return group(factor, "vendor kernels alternate on and off, everything else fixed",
                            i -> base.withExecution(base.execution().withHelpers(i % 2 == 0)), null);
                case DATA_TYPE:
                    return group(factor, "runs alternate float and double, everything else fixed",
                            i -> base.withExecution(base.execution().withDataType(
                                    i % 2 == 0 ? DataTypeName.FLOAT : DataTypeName.DOUBLE)), null);
                case PERTURBATION:
                    return perturbation();
                case LEARNING_RATE:
                    return learningRate();
                case DETERMINISTIC_ALGORITHMS:
                    return group(factor, "PyTorch's deterministic algorithms alternate on and off, everything else fixed",
                            i -> base.withExecution(base.execution().withDeterministicAlgorithms(i % 2 == 1)), null);
                case CUDNN_BENCHMARK:
                    return group(factor, "cudnn.benchmark alternates off and on, everything else fixed",
                            i -> base.withExecution(base.execution().withCudnnBenchmark(i % 2 == 1)), null);
                case DEVICE:
                    return group(factor, "runs alternate the GPU and the CPU (without the GPU-only switches), "
                                    + "everything else fixed",
                            i -> base.withExecution(i % 2 == 0 ? base.execution()
                                    : base.execution().withBackend(Backend.CPU).withCudnnBenchmark(false)
                                            .withDeterministicAlgorithms(false)), null);
                default:
                    return seed(factor, factor.seed().orElseThrow());
            }
        }

        private AblationPlan.Group seed(AblationFactor factor, SeedKind kind) {
            // the spec says the seed is off, as it would for a user's run that forgot it; the run's
            // resolved seeds hold the value it used
            ExperimentSpec spec = base.withSeeds(fixed.asSpec().with(kind, SeedSetting.off()));
            long[] drawn = distinctDraws();
            return group(factor, kind.words() + " drawn fresh for each run, everything else fixed",
                    i -> spec, i -> withSeed(fixed, kind, drawn[i]));
        }

        private AblationPlan.Group threads() {
            int many = Math.min(256, Math.max(2, cores));
            return group(AblationFactor.THREADS, "runs alternate 1 and " + many + " native threads"
                            + (base.execution().threadInvariant()
                                    ? " with thread-invariant kernels (execution.threadInvariant: the thread count must"
                                    + " not change the bits, so this group should be bitwise identical)"
                                    : cores < 2 ? " (this machine has 1 core; 2 threads still split the work differently)" : "")
                            + ", everything else fixed",
                    i -> base.withExecution(base.execution().withThreads(i % 2 == 0 ? 1 : many)), null);
        }

        private AblationPlan.Group perturbation() {
            PerturbationSpec p = base.perturbation();
            int total = base.model().epochs() * ((base.data().trainSize() + base.model().batchSize() - 1)
                    / base.model().batchSize());
            if (!p.enabled()) {
                int at = p.iteration() >= 1 && p.iteration() <= total ? p.iteration() : Math.max(1, total / 2);
                p = new PerturbationSpec(true, at, p.layer(), p.epsilon(), p.fraction(), p.seed());
            }
            PerturbationSpec chosen = p;
            long[] drawn = distinctDraws();
            String words = String.format(Locale.ROOT, "a %.0e nudge of %.0f%% of %s after update %d, with a different "
                            + "perturbation seed for each run, everything else fixed", chosen.epsilon(),
                    100 * chosen.fraction(), chosen.layer(), chosen.iteration());
            return group(AblationFactor.PERTURBATION, words, i -> base.withPerturbation(new PerturbationSpec(true,
                    chosen.iteration(), chosen.layer(), chosen.epsilon(), chosen.fraction(), drawn[i])), null);
        }

        private AblationPlan.Group learningRate() {
            double lr = base.model().learningRate();
            return group(AblationFactor.LEARNING_RATE, String.format(Locale.ROOT, "design reference: runs alternate "
                            + "learning rate %s and %s, every seed fixed", lr, 2 * lr),
                    i -> base.withModel(base.model().withLearningRate(i % 2 == 0 ? lr : 2 * lr)), null);
        }

        private AblationPlan.Group group(AblationFactor factor, String description, IntFunction<ExperimentSpec> specs,
                                         IntFunction<ResolvedSeeds> seeds) {
            List<RunSpec> runs = new ArrayList<>();
            for (int i = 0; i < repeats; i++) {
                ExperimentSpec spec = specs.apply(i);
                List<String> problems = SpecValidator.validate(spec);
                if (!problems.isEmpty()) {
                    throw new IllegalArgumentException("the " + factor.group() + " group cannot be run: "
                            + String.join("; ", problems));
                }
                String id = factor.group() + "-" + String.format(width, i + 1);
                runs.add(new RunSpec(ExperimentSpec.SCHEMA_VERSION, id, spec, seeds == null ? fixed : seeds.apply(i)));
            }
            return new AblationPlan.Group(factor.group(), description, runs);
        }

        /** One fresh value per run, all different, so no two runs of a seed group share the varied seed. */
        private long[] distinctDraws() {
            Set<Long> seen = new HashSet<>();
            long[] values = new long[repeats];
            for (int i = 0; i < repeats; i++) {
                long v;
                do {
                    v = fresh.nextLong(1L << 53); // below 2^53, like ResolvedSeeds: exact in any JSON reader
                } while (!seen.add(v));
                values[i] = v;
            }
            return values;
        }
    }

    private static ResolvedSeeds withSeed(ResolvedSeeds s, SeedKind kind, long value) {
        return new ResolvedSeeds(
                kind == SeedKind.WEIGHT_INIT ? value : s.weightInit(),
                kind == SeedKind.DROPOUT ? value : s.dropout(),
                kind == SeedKind.SHUFFLE ? value : s.shuffle(),
                kind == SeedKind.SPLIT ? value : s.split());
    }
}

package reprolab.ablation;

import reprolab.experiment.Backend;
import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.ResolvedSeeds;
import reprolab.experiment.RunSpec;
import reprolab.experiment.ScriptSpec;
import reprolab.experiment.SeedSetting;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.random.RandomGenerator;

/**
 * The ablation of a user's script: from the all-fixed baseline (its seed and PYTHONHASHSEED fixed,
 * one thread; on a GPU deterministic algorithms on, cuDNN benchmark off) one group per toggle in
 * which only that toggle varies: {@code seed} (drawn per run), {@code hashSeed} (drawn per run),
 * {@code threads} (1 and 2 alternate); on a GPU also {@code deterministicAlgorithms} and
 * {@code cudnnBenchmark} (off and on alternate). The same plan, runner and report as {@code ablate}.
 */
public final class ScriptAblationPlanner {

    private static final List<String> CPU_FACTORS = List.of("seed", "hashSeed", "threads");
    private static final List<String> GPU_FACTORS = List.of("seed", "hashSeed", "threads", "deterministicAlgorithms",
            "cudnnBenchmark");

    private ScriptAblationPlanner() {
    }

    /** The toggles a script's ablation flips on this backend, in report order (the GPU ones on cuda only). */
    public static List<String> factors(Backend backend) {
        return backend == Backend.CUDA ? GPU_FACTORS : CPU_FACTORS;
    }

    /** Every toggle of {@link #factors(Backend)} for the spec's backend (what {@code script --ablate} runs). */
    public static AblationPlan plan(ExperimentSpec spec, int repeats) {
        return plan(spec, repeats, factors(spec.execution().backend()), new SecureRandom());
    }

    /**
     * The baseline group and one group per chosen toggle (in report order, whatever the order given);
     * {@code baseline} is accepted and ignored, as {@link AblationFactor#parse} does.
     *
     * @throws IllegalArgumentException naming a toggle this backend does not have, and the ones it has
     */
    public static AblationPlan plan(ExperimentSpec spec, int repeats, List<String> chosen) {
        return plan(spec, repeats, chosen, new SecureRandom());
    }

    /** As {@link #plan(ExperimentSpec, int, List)} with the given source of drawn seeds (for tests). */
    public static AblationPlan plan(ExperimentSpec spec, int repeats, List<String> chosen, RandomGenerator fresh) {
        Set<String> wanted = checked(chosen, factors(spec.execution().backend()));
        AblationPlan every = everyGroup(spec, repeats, fresh);
        List<AblationPlan.Group> groups = new ArrayList<>(every.groups());
        groups.removeIf(g -> !g.factor().equals("baseline") && !wanted.contains(g.factor()));
        return new AblationPlan(every.baseline(), repeats, groups);
    }

    private static Set<String> checked(List<String> chosen, List<String> known) {
        List<String> unknown = chosen.stream().filter(f -> !f.equals("baseline") && !known.contains(f))
                .map(f -> "'" + f + "'").toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("a script's ablation has no toggle " + String.join(", ", unknown)
                    + " here; it flips " + String.join(", ", known));
        }
        return Set.copyOf(chosen);
    }

    private static AblationPlan everyGroup(ExperimentSpec spec, int repeats, RandomGenerator fresh) {
        ResolvedSeeds fixed = ResolvedSeeds.resolve(spec.seeds(), fresh).withScript(spec.script(), fresh);
        ScriptSpec script = spec.script().withSeeds(SeedSetting.on(fixed.script()), SeedSetting.on(fixed.hashSeed()));
        boolean gpu = spec.execution().backend() == Backend.CUDA;
        ExperimentSpec base = spec.withSeeds(fixed.asSpec()).withScript(script)
                .withExecution(gpu ? spec.execution().withThreads(1).withDeterministicAlgorithms(true)
                        .withCudnnBenchmark(false) : spec.execution().withThreads(1));
        Groups g = new Groups(repeats, fixed);
        List<AblationPlan.Group> groups = new ArrayList<>();
        groups.add(g.group("baseline", "everything fixed: all " + repeats + " runs have identical settings",
                i -> base, i -> fixed));
        ExperimentSpec seedOff = base.withScript(script.withSeeds(SeedSetting.off(), script.hashSeed()));
        groups.add(g.group("seed", "the script's seed (torch, random, numpy) drawn fresh for each run, everything "
                + "else fixed", i -> seedOff, i -> withScriptSeeds(fixed, fresh.nextLong(1L << 53), fixed.hashSeed())));
        ExperimentSpec hashOff = base.withScript(script.withSeeds(script.seed(), SeedSetting.off()));
        groups.add(g.group("hashSeed", "PYTHONHASHSEED drawn fresh for each run, everything else fixed", i -> hashOff,
                i -> withScriptSeeds(fixed, fixed.script(), fresh.nextLong(ScriptSpec.MAX_HASH_SEED + 1))));
        groups.add(g.group("threads", "runs alternate 1 and 2 threads, everything else fixed",
                i -> base.withExecution(base.execution().withThreads(i % 2 == 0 ? 1 : 2)), i -> fixed));
        if (gpu) {
            groups.add(g.group("deterministicAlgorithms", "deterministic algorithms alternate on and off",
                    i -> base.withExecution(base.execution().withDeterministicAlgorithms(i % 2 == 0)), i -> fixed));
            groups.add(g.group("cudnnBenchmark", "cuDNN benchmark alternates off and on",
                    i -> base.withExecution(base.execution().withCudnnBenchmark(i % 2 == 1)), i -> fixed));
        }
        return new AblationPlan(base, repeats, groups);
    }

    private static ResolvedSeeds withScriptSeeds(ResolvedSeeds s, long script, long hashSeed) {
        return new ResolvedSeeds(s.weightInit(), s.dropout(), s.shuffle(), s.split(), script, hashSeed);
    }

    /** Run ids {@code <group>-NN}, unique across the ablation. */
    private record Groups(int repeats, ResolvedSeeds fixed) {
        AblationPlan.Group group(String factor, String description, IntFunction<ExperimentSpec> specs,
                                 IntFunction<ResolvedSeeds> seeds) {
            String width = "%0" + Math.max(2, String.valueOf(repeats).length()) + "d";
            List<RunSpec> runs = new ArrayList<>();
            for (int i = 0; i < repeats; i++) {
                runs.add(new RunSpec(ExperimentSpec.SCHEMA_VERSION, factor + "-" + String.format(width, i + 1),
                        specs.apply(i), seeds.apply(i)));
            }
            return new AblationPlan.Group(factor, description, runs);
        }
    }
}

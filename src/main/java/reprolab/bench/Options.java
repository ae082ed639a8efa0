package reprolab.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * What the benchmark measures (parsed by the command line's {@code bench} command).
 *
 * @param threads thread counts to profile (default 1 and 2)
 * @param json    where the JSON report goes; {@code -} for standard output
 * @param quick   fewer iterations and shorter runs: a smoke test of the figures, not a measurement
 * @param helpers helper settings to profile (default on only)
 * @param kernels whose Adam step, ReLU backward pass and dense layer to profile: {@code reprolab}
 *                (ours, as the worker runs them) and/or {@code dl4j} (DL4J's own), same bits either way
 * @param ops     also time each native op with ND4J's op profiler (a log per profiled configuration)
 * @param measuredIterations measured iterations per profiled configuration, 0 for the default (40; quick 12);
 *                           125 is one epoch of the 8,000 training digits, to see whether memory grows
 * @param repeatedRuns       also time 5 complete runs 1, 2 and 4 at a time (the default)
 * @param spec    the experiment file whose model is measured (default: the shipped seed-cnn.json); its
 *                data size and threads are set by the benchmark, so custom models compare with seed-cnn
 * @param warmupIterations iterations before the measured ones, 0 for the default (8; quick 3). At 2
 *                threads the JIT compilers still share the cores for ~50-100 iterations, so steady-state
 *                figures want more (docs/performance.md, round 5)
 */
public record Options(List<Integer> threads, Path json, boolean quick, List<Boolean> helpers, List<String> kernels,
                      boolean ops, int measuredIterations, boolean repeatedRuns, Path spec, int warmupIterations) {

    /** The default workload: the shipped seed CNN experiment. */
    public static final Path SEED_CNN_SPEC = Workloads.SEED_CNN;

    public Options(List<Integer> threads, Path json, boolean quick, List<Boolean> helpers, List<String> kernels,
                   boolean ops) {
        this(threads, json, quick, helpers, kernels, ops, 0, true, Workloads.SEED_CNN, 0);
    }

    public Options {
        threads = List.copyOf(threads);
        helpers = List.copyOf(helpers);
        kernels = List.copyOf(kernels);
        for (String k : kernels) {
            if (!k.equals("reprolab") && !k.equals("dl4j")) {
                throw new IllegalArgumentException("kernels must be reprolab or dl4j, got " + k);
            }
        }
        java.util.Objects.requireNonNull(json, "json");
        if (measuredIterations < 0 || measuredIterations > 100_000) {
            throw new IllegalArgumentException("--iterations must be a whole number from 1 to 100000, got " + measuredIterations);
        }
        if (warmupIterations < 0 || warmupIterations > 100_000) {
            throw new IllegalArgumentException("--warmup must be a whole number from 1 to 100000, got " + warmupIterations);
        }
        for (int n : threads) {
            if (n < 1 || n > 64) {
                throw new IllegalArgumentException("--threads must be a whole number from 1 to 64, got " + n);
            }
        }
    }

    /** Measured iterations per profiled configuration. */
    public int measured() {
        return measuredIterations > 0 ? measuredIterations : quick ? 12 : 40;
    }

    /** Iterations before the measured ones. */
    public int warmup() {
        return warmupIterations > 0 ? warmupIterations : quick ? 3 : 8;
    }

    /** Whether the JSON report goes to standard output ({@code --json -}) instead of a file. */
    public boolean jsonToStdout() {
        return json.toString().equals("-");
    }
}
